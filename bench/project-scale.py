#!/usr/bin/env python3
"""Projects the full and the incremental check of a large center on 1 and on N hosts from two sizes
measured by bench/check-speed.sh (their result.json files).

Model, per kind of run: wall = catalog part + file part, each linear in the number of files (a + b·files),
fitted through the two sizes. The catalog part (catalog read, fingerprints, catalog-wide checks, coverage
plan, ordering — the phases whose names start with "catalog", "coverage plan" and "order") runs on every
host over the whole catalog; the file part is divided among the hosts (check --site), each using its two
cores as measured. Import of the hosts' JSON lines on the center host is small (lines per finding) and left
out. Usage: bench/project-scale.py SMALL/result.json LARGE/result.json [FILES] [HOSTS]
"""
import json
import sys


def catalog_part(r):
    p = r["phases"]
    return sum(v for k, v in p.items() if k.startswith("catalog ") and k != "catalog pages"
               or k in ("coverage plan", "order findings"))


def fit(x1, y1, x2, y2):
    b = (y2 - y1) / (x2 - x1)
    return y1 - b * x1, b


def main():
    small, large = (json.load(open(p)) for p in sys.argv[1:3])
    target = int(sys.argv[3]) if len(sys.argv) > 3 else 30_000_000
    hosts = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    f1, f2 = small["files"], large["files"]
    out = []
    for row in ("full", "incremental"):
        w1, w2 = small["rows"][row]["wall"], large["rows"][row]["wall"]
        # The phase split is measured on a full run; the incremental run's catalog part is the same work.
        c1, c2 = catalog_part(small), catalog_part(large)
        ca, cb = fit(f1, c1, f2, c2)
        fa, fb = fit(f1, w1 - c1, f2, w2 - c2)
        one = ca + cb * target + fa + fb * target
        many = ca + cb * target + fa + fb * target / hosts
        out.append((row, w1, w2, ca + cb * target, one, many))
    print(f"| run | {f1:,} files | {f2:,} files | catalog part at {target / 1e6:.0f} M | 1 host at {target / 1e6:.0f} M files "
          f"| {hosts} hosts at {target / 1e6:.0f} M files |")
    print("|---|---|---|---|---|---|")
    for row, w1, w2, cat, one, many in out:
        print(f"| {row} | {w1:.1f} s | {w2:.1f} s | {cat / 60:.1f} min | {one / 60:.1f} min | {many / 60:.1f} min |")


if __name__ == "__main__":
    main()
