#!/usr/bin/python3
"""Peers for bench/query_bench.cpp: the same 2-hop and shortest-path queries
on the same graph, with python-igraph, networkx and an SQLite recursive CTE.

2hop in igraph is neighborhood() plus the edges among the vertices found
(induced_subgraph), which is what kg's neighbourhood query returns;
2hop_nodes_only is neighborhood() alone. networkx and SQLite count vertices.

Usage: peers.py DIR   (DIR written by query_bench: src.u32 dst.u32 type.u8
first.i32 last.i32 meta.json). Prints one JSON object per line. Only the
queries are timed; loading and (for igraph/networkx) applying the type/date
filter once up front are reported separately as setup time. That favours the
peers: kg filters while it expands, inside each timed query.

networkx runs only when meta["networkx"] is true (query_bench sets it for
graphs of at most --networkx-max-edges edges; a 10M-edge networkx graph needs
well over 10 GB and minutes to build). SQLite runs the first
meta["sqlite_queries"] 2-hop queries only.
"""
import json
import os
import sqlite3
import sys
import time

import numpy as np


def emit(obj):
    print(json.dumps(obj), flush=True)


def pct(values, p):
    if not values:
        return 0.0
    v = sorted(values)
    i = max(0, min(len(v) - 1, int(-(-p * len(v) // 1)) - 1))
    return v[i]


def latency(us):
    return {"p50_us": pct(us, 0.5), "p95_us": pct(us, 0.95), "n": len(us)}


def agreement(mine, kg):
    n = min(len(mine), len(kg))
    if n == 0:
        return -1.0
    return sum(1 for a, b in zip(mine[:n], kg[:n]) if a == b) / n


def main():
    d = sys.argv[1]
    meta = json.load(open(os.path.join(d, "meta.json")))
    name = meta["graph"]
    V = meta["vertices"]
    src = np.fromfile(os.path.join(d, "src.u32"), dtype=np.uint32).astype(np.int64)
    dst = np.fromfile(os.path.join(d, "dst.u32"), dtype=np.uint32).astype(np.int64)
    typ = np.fromfile(os.path.join(d, "type.u8"), dtype=np.uint8)
    first = np.fromfile(os.path.join(d, "first.i32"), dtype=np.int32)
    last = np.fromfile(os.path.join(d, "last.i32"), dtype=np.int32)
    lo, hi = meta["from_day"], meta["to_day"]
    mask = np.isin(typ, np.array(meta["types"], dtype=np.uint8)) & (first <= hi) & (last >= lo)
    starts = meta["starts"]
    pairs = meta["pairs"]
    max_depth = meta["max_depth"]
    kg_sizes = meta["kg_2hop_sizes"]
    kg_lengths = meta["kg_path_lengths"]

    # --- igraph ---
    import igraph as ig
    t = time.perf_counter()
    g = ig.Graph(n=V, edges=np.column_stack((src, dst)), directed=True)
    gf = ig.Graph(n=V, edges=np.column_stack((src[mask], dst[mask])), directed=True)
    emit({"graph": name, "system": "igraph", "what": "setup", "seconds": time.perf_counter() - t,
          "version": ig.__version__})
    us, sizes = [], []
    for v in starts:
        t = time.perf_counter_ns()
        n = len(gf.neighborhood(v, order=2, mode="all"))
        us.append((time.perf_counter_ns() - t) / 1000)
        sizes.append(n)
    emit(dict(latency(us), graph=name, system="igraph", what="2hop_nodes_only", agree=agreement(sizes, kg_sizes)))
    # The same answer as kg's: the 2-hop vertices and the (filtered) edges among them.
    us, sizes, ecounts = [], [], []
    for v in starts:
        t = time.perf_counter_ns()
        nodes = gf.neighborhood(v, order=2, mode="all")
        m = gf.induced_subgraph(nodes, implementation="create_from_scratch").ecount()
        us.append((time.perf_counter_ns() - t) / 1000)
        sizes.append(len(nodes))
        ecounts.append(m)
    emit(dict(latency(us), graph=name, system="igraph", what="2hop", agree=agreement(sizes, kg_sizes),
              agree_edges=agreement(ecounts, meta["kg_2hop_edges"])))
    us, lengths = [], []
    for a, b in pairs:
        t = time.perf_counter_ns()
        p = g.get_shortest_paths(a, to=b, mode="all", output="epath")[0]
        us.append((time.perf_counter_ns() - t) / 1000)
        n = len(p) if p else -1
        lengths.append(n if n <= max_depth else -1)
    emit(dict(latency(us), graph=name, system="igraph", what="path", agree=agreement(lengths, kg_lengths)))
    del g, gf

    # --- networkx ---
    if meta["networkx"]:
        import networkx as nx
        t = time.perf_counter()
        G = nx.Graph()
        G.add_nodes_from(range(V))
        G.add_edges_from(zip(src.tolist(), dst.tolist()))
        Gf = nx.Graph()
        Gf.add_nodes_from(range(V))
        Gf.add_edges_from(zip(src[mask].tolist(), dst[mask].tolist()))
        emit({"graph": name, "system": "networkx", "what": "setup", "seconds": time.perf_counter() - t,
              "version": nx.__version__})
        us, sizes = [], []
        for v in starts:
            t = time.perf_counter_ns()
            n = len(nx.single_source_shortest_path_length(Gf, v, cutoff=2))
            us.append((time.perf_counter_ns() - t) / 1000)
            sizes.append(n)
        emit(dict(latency(us), graph=name, system="networkx", what="2hop", agree=agreement(sizes, kg_sizes)))
        us, lengths = [], []
        for a, b in pairs:
            t = time.perf_counter_ns()
            try:
                n = len(nx.bidirectional_shortest_path(G, a, b)) - 1
            except nx.NetworkXNoPath:
                n = -1
            us.append((time.perf_counter_ns() - t) / 1000)
            lengths.append(n if n <= max_depth else -1)
        emit(dict(latency(us), graph=name, system="networkx", what="path", agree=agreement(lengths, kg_lengths)))
        del G, Gf
    else:
        emit({"graph": name, "system": "networkx", "what": "skipped",
              "reason": "more edges than --networkx-max-edges (memory/time)"})

    # --- SQLite recursive CTE (the filter is part of the SQL) ---
    nq = min(meta["sqlite_queries"], len(starts))
    if nq > 0:
        t = time.perf_counter()
        db = sqlite3.connect(":memory:")
        db.execute("CREATE TABLE e (src INTEGER, dst INTEGER, type INTEGER, first INTEGER, last INTEGER)")
        step = 1_000_000
        for i in range(0, len(src), step):
            db.executemany("INSERT INTO e VALUES (?,?,?,?,?)",
                           zip(src[i:i + step].tolist(), dst[i:i + step].tolist(), typ[i:i + step].tolist(),
                               first[i:i + step].tolist(), last[i:i + step].tolist()))
        db.execute("CREATE INDEX e_src ON e (src)")
        db.execute("CREATE INDEX e_dst ON e (dst)")
        db.commit()
        emit({"graph": name, "system": "sqlite", "what": "setup", "seconds": time.perf_counter() - t,
              "version": sqlite3.sqlite_version})
        types = ",".join(str(int(x)) for x in meta["types"])
        cond = f"e.type IN ({types}) AND e.first <= {hi} AND e.last >= {lo}"
        sql = f"""
          WITH RECURSIVE reach(v, d) AS (
            SELECT ?, 0
            UNION
            SELECT e.dst, r.d + 1 FROM reach r JOIN e ON e.src = r.v WHERE r.d < 2 AND {cond}
            UNION
            SELECT e.src, r.d + 1 FROM reach r JOIN e ON e.dst = r.v WHERE r.d < 2 AND {cond}
          )
          SELECT count(DISTINCT v) FROM reach"""
        us, sizes = [], []
        for v in starts[:nq]:
            t = time.perf_counter_ns()
            n = db.execute(sql, (v,)).fetchone()[0]
            us.append((time.perf_counter_ns() - t) / 1000)
            sizes.append(n)
        emit(dict(latency(us), graph=name, system="sqlite", what="2hop", agree=agreement(sizes, kg_sizes)))
        db.close()


if __name__ == "__main__":
    main()
