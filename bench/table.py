#!/usr/bin/python3
"""Issue 9's table from bench/run.sh's JSON lines (read on stdin).

Prints, as Markdown: per graph, kg's open-to-first-query (in process: the
snapshot built from RocksDB; bench/open_bench.sh times fresh kg processes
that open the snapshot file), kg's filtered 2-hop p50 beside igraph's and
networkx's, kg's shortest-path p50 beside networkx's bidirectional BFS, the
two speed targets (2-hop p50 <= igraph's, path p50 <= 1/3 of networkx's)
and whether every peer agreed with kg's answers; then the RPC line (calls/s
for each client count, the latency RPC adds, and again with client and
server on different CPUs when the run has rpc_bench --split-cpus). A value the run did not
measure is written "-".

    bench/run.sh build | tee run.jsonl; bench/table.py < run.jsonl
"""
import json
import sys


def number(v, digits=1):
    if v is None:
        return "-"
    if v >= 100:
        return f"{v:,.0f}"
    return f"{v:.{digits}f}"


def main():
    graphs = {}  # name -> {key: value}
    order = []
    rpc = None
    rpc_split = None  # rpc_bench --split-cpus: client and server on different CPUs
    for line in sys.stdin:
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError:
            continue
        if d.get("bench") == "rpc_summary":
            if d.get("split_cpus"):
                rpc_split = d
            else:
                rpc = d
            continue
        g = d.get("graph")
        if g is None or "system" not in d:
            continue
        if g not in graphs:
            graphs[g] = {"agree": []}
            order.append(g)
        row = graphs[g]
        system, what = d["system"], d.get("what")
        if system == "kg" and what == "snapshot":
            row["vertices"], row["edges"] = d.get("vertices"), d.get("edges")
            row["open_s"] = d.get("open_to_first_query_s")
            row["bytes_per_edge"] = d.get("bytes_per_edge")
        elif what in ("2hop", "path") and "p50_us" in d:
            row[(system, what)] = d["p50_us"]
            if system != "kg" and "agree" in d:
                row["agree"].append(d["agree"])

    print("| graph | vertices / edges | kg open-to-first-query (in process) | kg 2-hop p50 µs | igraph 2-hop p50 µs "
          "| networkx 2-hop p50 µs | kg path p50 µs | networkx path p50 µs | 2-hop <= igraph | path <= 1/3 networkx "
          "| bytes/edge | peers agree |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for g in order:
        r = graphs[g]
        kg2, ig2, nx2 = r.get(("kg", "2hop")), r.get(("igraph", "2hop")), r.get(("networkx", "2hop"))
        kgp, nxp = r.get(("kg", "path")), r.get(("networkx", "path"))
        two_hop_met = "-" if kg2 is None or ig2 is None else ("yes" if kg2 <= ig2 else f"no ({kg2 / ig2:.2f}x)")
        path_met = "-" if kgp is None or nxp is None else ("yes" if kgp <= nxp / 3 else f"no ({kgp / nxp:.2f}x)")
        size = "-" if r.get("vertices") is None else f"{r['vertices']:,} / {r['edges']:,}"
        opened = "-" if r.get("open_s") is None else f"{r['open_s']:.2f} s"
        agree = "-" if not r["agree"] else ("yes" if min(r["agree"]) >= 1.0 else f"no (min {min(r['agree'])})")
        print(f"| {g} | {size} | {opened} | {number(kg2)} | {number(ig2)} | {number(nx2)} | {number(kgp)} "
              f"| {number(nxp)} | {two_hop_met} | {path_met} | {number(r.get('bytes_per_edge'))} | {agree} |")
    if rpc is not None:
        per = rpc.get("rpc_calls_per_s", {})
        calls = (", ".join(f"{c} clients {int(per[c]):,}/s" for c in sorted(per, key=int)) if isinstance(per, dict) else "-")
        print()
        print(f"RPC ({rpc.get('call', 'resolve')}): {calls}; added per call p50 "
              f"{number(rpc.get('added_us_per_call_p50'))} µs (target <= 100); a bare loopback round trip measured "
              f"beside it {number(rpc.get('loopback_us_p50'))} µs")
    if rpc_split is not None:
        print(f"RPC with client and server on different CPUs (--split-cpus): added per call p50 "
              f"{number(rpc_split.get('added_us_per_call_p50'))} µs (target <= 100), a bare loopback round trip "
              f"{number(rpc_split.get('loopback_us_p50'))} µs")
    return 0 if order else 1


if __name__ == "__main__":
    sys.exit(main())
