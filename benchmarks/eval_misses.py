"""Where the missed gold triples of an evaluation set stand: is there a sentence at all that mentions
both actors (by name, pronoun or role reference)? Sentence rules can only reach those that have one.

    python benchmarks/eval_misses.py [EVAL_SET]      # default: ../shared/eval/seesaw_valid

EVAL_SET is a folder with ``articles/`` and ``gold.json`` and, beside them, the ``score.py`` of the
evaluation folder (its name matching and alias lists are used as they are). Prints the count of core
triples found with the right sign, missed with both actors mentioned in one sentence, and missed
with no such sentence (of those, how many name the two in adjacent sentences: a quotation that runs on, a
pronoun the resolver missed); how many of the gold actors of the core triples the resolver finds anywhere in
their article; and, for the misses with both actors in one sentence, the word joining them in the parse
(the lowest common head of the two mentions), by how many articles have it. Measurement only: nothing of
the evaluation set is written anywhere.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actorgraph.articles import read_articles  # noqa: E402
from actorgraph.statements import build_pipeline, parsed_text, statements_from_doc  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "eval" / "seesaw_valid"


def _scorer(eval_set: Path):
    """The evaluation folder's own score.py (one level up from the set)."""
    spec = importlib.util.spec_from_file_location("score", eval_set.parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("eval_set", nargs="?", default=str(DEFAULT))
    args = ap.parse_args(argv)
    eval_set = Path(args.eval_set)
    score = _scorer(eval_set)
    gold, alias = score.load_gold(eval_set / "gold.json")
    nlp = build_pipeline()
    arts = read_articles([str(eval_set / "articles")]).articles
    counts: Counter[str] = Counter()
    joins: dict[str, set[str]] = defaultdict(set)
    for doc, art in nlp.pipe(((parsed_text(a), a) for a in arts), as_tuples=True, batch_size=16):
        name = Path(art.path).name
        if name not in gold:
            continue
        found = set()
        for st in statements_from_doc(doc, art):
            sign = "+" if st.sign > 0 else "-"
            for a in alias.get(score.norm(st.source), ()):
                for b in alias.get(score.norm(st.target), ()):
                    found.add((a, sign, b))
        together: dict[tuple[str, str], str] = {}  # (gold actor, gold actor) -> the word joining them
        index = doc._.actors
        anywhere: set[str] = set()
        where: dict[str, set[int]] = defaultdict(set)  # gold actor -> the sentences naming it
        for si, sent in enumerate(doc.sents):
            ms = [(c, m) for m in index.mentions_in(sent.start, sent.end) for actor in m.actors
                  for c in alias.get(score.norm(actor.name), ())]
            anywhere |= {c for c, _ in ms}
            for c, _ in ms:
                where[c].add(si)
            for a, ma in ms:
                for b, mb in ms:
                    if a != b and (a, b) not in together:
                        together[a, b] = _joining(doc, ma, mb)
        actors = set()
        for s, sign, t in gold[name]["core"]:
            S, T = score.as_set(s), score.as_set(t)
            actors |= S | T
            if any((a, sign, b) in found for a in S for b in T):
                counts["found"] += 1
            elif any((a, b) in together for a in S for b in T):
                counts["missed, both mentioned in one sentence"] += 1
                joins[next(together[a, b] for a in S for b in T if (a, b) in together)].add(name)
            else:
                counts["missed, no sentence mentions both"] += 1
                if any(abs(i - j) == 1 for a in S for b in T for i in where[a] for j in where[b]):
                    counts["  of which named in adjacent sentences"] += 1
        counts["gold actors found in their article"] += len(actors & anywhere)
        counts["gold actors"] += len(actors)
    total = sum(counts[k] for k in KINDS)
    for key in KINDS:
        print(f"{key:40s} {counts[key]:5d} of {total}")
    key = "  of which named in adjacent sentences"
    print(f"{key:40s} {counts[key]:5d} of {counts[KINDS[2]]}")
    print(f"{'gold actors found in their article':40s} {counts['gold actors found in their article']:5d} of "
          f"{counts['gold actors']}")
    print("word joining the two actors of a missed triple (articles):",
          ", ".join(f"{w} {len(a)}" for w, a in sorted(joins.items(), key=lambda kv: -len(kv[1]))[:10]))
    return 0


KINDS = ("found", "missed, both mentioned in one sentence", "missed, no sentence mentions both")


def _joining(doc, ma, mb) -> str:
    """The lemma of the lowest token that heads both mentions ("say" in "X said Y ...")."""
    above = {t.i for t in doc[ma.start].ancestors} | {ma.start}
    t = doc[mb.start]
    while t.i not in above and t.head.i != t.i:
        t = t.head
    return t.lemma_.lower() if t.i in above else "(none)"


if __name__ == "__main__":
    sys.exit(main())
