#!/usr/bin/python3
"""Draw the sample for the hand audit of text-derived edges on the seed pages
(issue 8: "audit 50 random text-derived edges by hand").

usage: scripts/seed_audit_sample.py KG_BINARY SEEDS_DIR [N] [SEED]

Ingests SEEDS_DIR into a temporary database with KG_BINARY, keeps the edges
that cite a sentence of an article (not only a dictionary line), and prints N
of them (default 50) drawn with random.Random(SEED) (default 39) as
tab-separated lines: edge id, source, type, target, CAMEO, from, to,
date_basis, sources, doc id, the doc's date, then the first evidence
sentence. The sentence
is for the auditor's eyes; the committed audit table names the doc id only
(the seed pages' text is not copied into the project). Then, on stderr,
the groups of text-derived edges that share source, type and target: the
candidates for "two edges for one event".
"""
import json
import os
import random
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    kg, seeds = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 39
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "db")
        subprocess.run([kg, "--db", db, "--quiet", "ingest", seeds], check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run([kg, "--db", db, "--json", "edges"], check=True, capture_output=True, text=True)
    edges = json.loads(out.stdout)
    text_edges = [e for e in edges if any(v.get("doc") for v in e["evidence"])]
    text_edges.sort(key=lambda e: e["id"])
    print(f"# {len(edges)} edges, {len(text_edges)} read from text; sample of {min(n, len(text_edges))} (seed {seed})")
    for e in random.Random(seed).sample(text_edges, min(n, len(text_edges))):
        ev = next(v for v in e["evidence"] if v.get("doc"))
        fields = [e["id"], e["src"]["name"], e["type"], e["dst"]["name"], e.get("cameo", ""), e.get("from", ""),
                  e.get("to", ""), e.get("date_basis", ""), e.get("sources", ""), ev["doc"], ev.get("doc_date", ""),
                  " ".join(ev["text"].split())]
        print("\t".join(str(f) for f in fields))
    groups = {}
    for e in text_edges:
        groups.setdefault((e["src"]["name"], e["type"], e["dst"]["name"]), []).append(e)
    for key, g in sorted(groups.items()):
        if len(g) > 1:
            print(" | ".join(key), [(x["id"], x.get("from"), x.get("to")) for x in g], file=sys.stderr)


if __name__ == "__main__":
    main()
