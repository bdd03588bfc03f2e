"""What one change did on the visible sets: the triples only in the second run (+) or only in the first (-),
each marked right or wrong by the evaluation's own score.py, with the rule, cue and quote that made it.

    python benchmarks/compare_runs.py BEFORE_DIR AFTER_DIR [dev|ssv|sst ...] [--eval DIR]

Each folder holds the saved outputs of ``actorgraph extract`` (``dev.jsonl``, ``ssv.jsonl``, ``sst.jsonl``,
as for ``rule_report.py --saved``). The scorer is imported from the evaluation folder at run time;
nothing of it is copied here. A triple is right when score.py counts it right in its article.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rule_report import EVAL, SETS, _module, scored_articles

NAMES = {SETS[k][2].removesuffix(".jsonl"): k for k in ("dev", "seesaw_valid", "seesaw_train")}  # dev, ssv, sst


def triples(score, ev: Path, folder: Path, short: str) -> tuple[dict, set]:
    """(article, source, sign, target) -> first statement, and the (article, "s sign t") score.py calls false."""
    path = folder / SETS[NAMES[short]][2]
    wrong = {(a, w) for a, v in scored_articles(score, ev / SETS[NAMES[short]][1], path).items() for w in v["false"]}
    found: dict = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line) if line.strip() else None
        sign = score.sign_of(rec) if rec else None
        if sign is None:
            continue
        key = (Path(str(rec.get("path") or "")).name, score.norm(str(rec["source"])), sign,
               score.norm(str(rec["target"])))
        found.setdefault(key, rec)
    return found, wrong


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("sets", nargs="*", help=f"any of {', '.join(NAMES)} (default: all three)")
    ap.add_argument("--eval", type=Path, default=EVAL)
    args = ap.parse_args(argv)
    if set(args.sets) - set(NAMES):
        ap.error(f"sets are {', '.join(NAMES)}, not {', '.join(sorted(set(args.sets) - set(NAMES)))}")
    score = _module(args.eval / "score.py", "eval_score")
    for short in args.sets or list(NAMES):
        (old, wrong_old), (new, wrong_new) = (triples(score, args.eval, d, short) for d in (args.before, args.after))
        print(f"== {short}")
        for mark, mine, other, wrong in (("+", new, old, wrong_new), ("-", old, new, wrong_old)):
            for key in sorted(set(mine) - set(other)):
                rec = mine[key]
                ok = "wrong" if (key[0], " ".join(key[1:])) in wrong else "right"
                print(f"{mark} {ok:5} {key[0]} {key[1]} {key[2]} {key[3]}  [{rec.get('rule')}/{rec.get('cue')}]"
                      f" {rec.get('quote', '')[:160]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
