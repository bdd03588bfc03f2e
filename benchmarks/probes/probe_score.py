"""The scorer of the probes (see README.md): gold stances found with the right sign, with the wrong sign, missed,
and statements in neither gold file. Each probe's ``score.py`` holds its alias table and calls ``main``."""
from __future__ import annotations

import csv
import json
import os
import sys


def _gold(path: str, norm, quoting: int) -> dict[tuple[str, str, str], set[str]]:
    """(article, source, target) -> the signs the gold file gives, names through the alias table."""
    out: dict[tuple[str, str, str], set[str]] = {}
    with open(path, newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=quoting):
            a = r["article"]
            out.setdefault((a, norm(a, r["source"]), norm(a, r["target"])), set()).add(r["sign"])
    return out


def main(alias: dict[str, dict[str, str]], here: str, quoting: int = csv.QUOTE_MINIMAL) -> None:
    """``python score.py OUT.jsonl [v]``: ``v`` also lists the misses and the extras."""
    def norm(article: str, name: str) -> str:
        return alias.get(article, {}).get(name, name)

    gold = _gold(os.path.join(here, "gold.tsv"), norm, quoting)
    optional = _gold(os.path.join(here, "gold_optional.tsv"), norm, quoting)
    path, verbose = sys.argv[1], len(sys.argv) > 2
    out: dict[tuple[str, str, str], list[tuple]] = {}
    with open(path) as fh:
        for line in fh:
            d = json.loads(line)
            a = os.path.basename(d["path"])[:-4]
            out.setdefault((a, norm(a, d["source"]), norm(a, d["target"])), []).append(
                ("+" if d["sign"] > 0 else "-", d["source_mention"], d["target_mention"], d["cue"], d["rule"]))
    right = wrong = miss = 0
    misses = []
    for k, signs in gold.items():
        sign = list(signs)[0]
        got = {x[0] for x in out.get(k, [])}
        if sign in got:
            right += 1
        elif got:
            wrong += 1
            misses.append(("WRONGSIGN", k, sign, out[k]))
        else:
            miss += 1
            misses.append(("MISS", k, sign))
    extras = [(k, x) for k, v in out.items() for x in v
              if k not in gold and not (k in optional and x[0] in optional[k])]
    if verbose:
        for m in misses:
            print(*m)
        print("--- extras (not in gold/optional):")
        for e in extras:
            print(e)
    print(path, "gold", len(gold), "right", right, "wrongsign", wrong, "missed", miss,
          "extras-not-in-gold-or-optional", len(extras))
