#!/usr/bin/python3
"""kg path hop counts against igraph's BFS distances on every row of a TKG set.

igraph reads all quadruples (train, valid, test) of the set as an undirected
graph, every row one edge, and gives the true shortest distance of random
entity pairs; `kg path` (direction both, no filters) is asked the same pairs on
each database given. A database that dropped rows answers longer paths or none.

Needs Debian's python3-igraph: run with /usr/bin/python3.

  /usr/bin/python3 scripts/path_vs_igraph.py --set ../shared/data/tkg/icews18 \
      --kg build/bin/kg --db icews18.db [--db other.db ...] [--pairs 40] [--seed 1]

Prints one JSON line per database: pairs asked, equal, longer, missing
(kg found no path within --max-depth 8 where igraph found one), errors.
"""
import argparse
import json
import os
import random
import subprocess
import sys

import igraph


def read_ids(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            name, _, num = line.rpartition("\t")
            out[int(num)] = name.strip()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", required=True)
    ap.add_argument("--kg", required=True)
    ap.add_argument("--db", action="append", required=True)
    ap.add_argument("--pairs", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()

    names = read_ids(os.path.join(a.set, "entity2id.txt"))
    edges = []
    for f in ("train.txt", "valid.txt", "test.txt"):
        p = os.path.join(a.set, f)
        if not os.path.exists(p):
            continue
        with open(p) as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 4:
                    s, o = int(parts[0]), int(parts[2])
                    if s != o:
                        edges.append((s, o))
    n = max(names) + 1
    g = igraph.Graph(n=n, edges=edges, directed=False)
    g.simplify()
    used = [v for v in range(n) if g.degree(v) > 0]
    rng = random.Random(a.seed)
    pairs = []
    while len(pairs) < a.pairs:
        s, t = rng.sample(used, 2)
        d = g.distances(source=s, target=t)[0][0]
        if d != float("inf"):
            pairs.append((s, t, int(d)))
    hist = {}
    for _, _, d in pairs:
        hist[d] = hist.get(d, 0) + 1

    for db in a.db:
        res = {"db": db, "rows_in_igraph": len(edges), "pairs": len(pairs),
               "igraph_hops": {str(k): v for k, v in sorted(hist.items())},
               "equal": 0, "longer": 0, "shorter": 0, "missing": 0, "errors": 0, "examples": []}
        for s, t, d in pairs:
            cmd = [a.kg, "--db", db, "--json", "path", names[s], names[t], "--max-depth", "8"]
            r = subprocess.run(cmd, capture_output=True, text=True)
            if r.returncode != 0:
                if "no path" in r.stderr:
                    res["missing"] += 1
                    ex = "none"
                else:
                    res["errors"] += 1
                    ex = "error: " + r.stderr.strip()[:120]
                if len(res["examples"]) < 5:
                    res["examples"].append({"from": names[s], "to": names[t], "igraph": d, "kg": ex})
                continue
            paths = json.loads(r.stdout)["paths"]
            hops = len(paths[0]["edges"]) if paths else None
            if hops is None:
                res["missing"] += 1
            elif hops == d:
                res["equal"] += 1
            elif hops > d:
                res["longer"] += 1
                if len(res["examples"]) < 5:
                    res["examples"].append({"from": names[s], "to": names[t], "igraph": d, "kg": hops})
            else:
                res["shorter"] += 1
        print(json.dumps(res), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
