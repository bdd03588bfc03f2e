"""Two measurements the README quotes beside the evaluation folder's own scorers (nothing of the
evaluation data is copied: the scorers are imported from the folder at run time).

    python benchmarks/eval_variants.py dse-plural ../shared/eval/dse_valid DIR/dse.jsonl
    python benchmarks/eval_variants.py without ../shared/eval/dev/gold.json ARTICLE.txt DIR/dev.jsonl
    python benchmarks/eval_variants.py reversed ../shared/eval/seesaw_train/gold.json DIR/sst.jsonl

``dse-plural``: DSE's labels spell a name in the singular the sentence writes in the plural ("Democrat"
for "Democrats") and ``score_dse.py`` matches whole words; this scores the same output with a label's
name also matching when a trailing "s" follows it. ``without``: ``score.py`` on a gold file less one
article (dev without the seed article, which the rules were written with in view). ``reversed``: how many
core gold triples have their reverse in the gold too, and for how many missed ones the output has the
reverse (names matched by ``score.py``'s own aliases).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

from rule_report import _module


def dse_plural(dse_dir: Path, pred: Path) -> None:
    score_dse = _module(dse_dir.parent / "score_dse.py", "score_dse")
    plain = score_dse.same

    def same(entity, rec, side):
        e = score_dse.norm(entity)
        if e and any(re.search(rf"\b{re.escape(e)}s\b", score_dse.norm(str(rec.get(k) or "")))
                     for k in (side, f"{side}_mention")):
            return True
        return plain(entity, rec, side)

    score_dse.same = same
    score_dse.score(str(dse_dir), str(pred))


def without(gold: Path, article: str, pred: Path) -> None:
    data = json.loads(gold.read_text(encoding="utf-8"))
    if article not in data.get("articles", {}):
        sys.exit(f"{gold}: no article {article!r}")
    del data["articles"][article]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(data, f)
    try:
        _module(gold.parent.parent / "score.py", "score").main([f.name, str(pred)])
    finally:
        os.unlink(f.name)


def reversed_triples(gold: Path, pred: Path) -> None:
    score = _module(gold.parent.parent / "score.py", "score")
    triples, alias = score.load_gold(gold)
    found: dict[str, set] = {}
    for line in pred.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            sign = "+" if r["sign"] > 0 else "-"
            got = found.setdefault(Path(r["path"]).name, set())
            for a in alias.get(score.norm(r["source"]), ()):
                got.update((a, sign, b) for b in alias.get(score.norm(r["target"]), ()))
    both = missed_rev = total = 0
    for name, entry in triples.items():
        core = {(s, sign, t) for s, sign, t in entry["core"]}
        got = found.get(name, set())
        for s, sign, t in core:
            total += 1
            both += (t, sign, s) in core
            S, T = score.as_set(s), score.as_set(t)
            if not any((a, sign, b) in got for a in S for b in T) and any((b, sign, a) in got for a in S for b in T):
                missed_rev += 1
    print(f"{both} of {total} core triples have their reverse in the gold; "
          f"for {missed_rev} missed ones the output gives the reverse")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("dse-plural")
    p.add_argument("dse_dir", type=Path)
    p.add_argument("pred", type=Path)
    w = sub.add_parser("without")
    w.add_argument("gold", type=Path)
    w.add_argument("article")
    w.add_argument("pred", type=Path)
    r = sub.add_parser("reversed")
    r.add_argument("gold", type=Path)
    r.add_argument("pred", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "dse-plural":
        dse_plural(args.dse_dir, args.pred)
    elif args.cmd == "without":
        without(args.gold, args.article, args.pred)
    else:
        reversed_triples(args.gold, args.pred)
    return 0


if __name__ == "__main__":
    sys.exit(main())
