#!/usr/bin/python3
"""Peer for kg import's speed (bench/import_bench.sh): the same TKG folder
loaded into an SQLite database file with what kg keeps of each row, so that
the two events/s figures come from one run on one machine.

What SQLite gets, per row: the event's source and target actor ids, its
relation's name (the CAMEO event text kg keeps as the edge's title), the
date as a day number (icews18: 2018-01-01 + t/24; gdelt: 2018-01-01 + t
minutes), and the TKG split; actors get their names, with a unique index
on the name (kg's name index); events get an index on (src, dst) and one on
dst (kg's edge keys both ways). One transaction, journal_mode=OFF,
synchronous=OFF: SQLite's fastest bulk load. kg's import does more (CAMEO
code and PLOVER type per row, the fact merge of repeated events, evidence
records) and is durable at its end.

Usage: import_peer.py TKG_DIR DB_PATH NAME. Prints one JSON line: rows,
wall and CPU seconds (this process), events per wall second.
"""
import json
import os
import sqlite3
import sys
import time


def main():
    d, path, name = sys.argv[1], sys.argv[2], sys.argv[3]
    if os.path.exists(path):
        os.remove(path)
    t0 = time.perf_counter()
    c0 = time.process_time()
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("CREATE TABLE actors (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    db.execute("CREATE TABLE events (src INTEGER, dst INTEGER, relation TEXT, day INTEGER, split TEXT)")
    with open(os.path.join(d, "entity2id.txt"), encoding="utf-8") as f:
        actors = [(int(i), n) for n, i in (line.rstrip("\n").rsplit("\t", 1) for line in f if line.strip())]
    with open(os.path.join(d, "relation2id.txt"), encoding="utf-8") as f:
        relations = {int(i): n for n, i in (line.rstrip("\n").rsplit("\t", 1) for line in f if line.strip())}
    db.executemany("INSERT INTO actors VALUES (?, ?)", actors)
    minutes = name.startswith("gdelt")
    rows = 0
    for split in ("train", "valid", "test"):
        p = os.path.join(d, split + ".txt")
        if not os.path.exists(p):
            continue
        batch = []
        with open(p, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) < 4:
                    continue
                t = int(parts[3])
                day = t // 1440 if minutes else t // 24
                batch.append((int(parts[0]), int(parts[2]), relations.get(int(parts[1]), ""), 17532 + day, split))
        db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?)", batch)
        rows += len(batch)
    db.execute("CREATE UNIQUE INDEX actors_name ON actors(name)")
    db.execute("CREATE INDEX events_src_dst ON events(src, dst)")
    db.execute("CREATE INDEX events_dst ON events(dst)")
    db.commit()
    db.close()
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    print(json.dumps({"bench": "import", "graph": name, "system": "sqlite", "version": sqlite3.sqlite_version,
                      "rows": rows, "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
                      "events_per_second": round(rows / seconds) if seconds > 0 else 0}), flush=True)


if __name__ == "__main__":
    main()
