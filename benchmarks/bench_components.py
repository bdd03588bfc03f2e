"""Time only actorgraph's own components (actor resolution and stance rules) on Docs parsed once.

    PYTHONPATH=<tree> python benchmarks/bench_components.py [PATH ...] [--repeat R]

``bench_extract.py`` gives the overhead over the parse as a ratio of two timed runs, each dominated by
spaCy's parse, so a noisy machine moves that ratio by 20 points either way. This times what a round of rule
or resolver changes can change: the texts are parsed once (our components off), then each Doc is copied
and run through ``actorgraph_actors`` and ``actorgraph_stances`` alone, R times, best kept, in CPU seconds.
Run it alternately in a worktree of the base revision and on the new one (``PYTHONPATH`` set to each tree)
to compare rounds. PATHs as for ``bench_extract.py``. Figures go in the README; never a timed test.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

if not os.environ.get("PYTHONPATH"):  # the tree timed: the one on PYTHONPATH, else this repository
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from actorgraph.articles import read_articles  # noqa: E402
from actorgraph.statements import PIPE_BATCH, build_pipeline, parsed_text  # noqa: E402

OURS = ("actorgraph_actors", "actorgraph_stances")
EVAL = Path(os.environ.get("ACTORGRAPH_EVAL") or Path(__file__).resolve().parent.parent.parent / "shared" / "eval")


def default_paths() -> list[str]:
    """The dev and SEESAW validation articles, as ``bench_extract.py`` times them."""
    found = [p for p in (EVAL / "dev" / "articles", EVAL / "seesaw_valid" / "articles") if p.is_dir()]
    return [str(p) for p in found] or [str(Path(__file__).resolve().parent.parent / "data" / "articles")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    articles = read_articles(args.paths or default_paths()).articles
    if not articles:
        print("bench_components: no articles in " + ", ".join(args.paths or default_paths()), file=sys.stderr)
        return 1
    nlp = build_pipeline()
    with nlp.select_pipes(disable=list(OURS)):
        docs = list(nlp.pipe((parsed_text(a) for a in articles), batch_size=PIPE_BATCH))
    data = [d.to_bytes() for d in docs]
    pipes = [nlp.get_pipe(name) for name in OURS]
    best = float("inf")
    for _ in range(args.repeat):
        copies = [type(docs[0])(nlp.vocab).from_bytes(b) for b in data]
        start = time.process_time()
        for doc in copies:
            for pipe in pipes:
                doc = pipe(doc)
        best = min(best, time.process_time() - start)
    words = sum(len(d) for d in docs)
    print(f"{len(docs)} articles, {words} tokens: our components {best:.2f} s CPU (best of {args.repeat}), "
          f"{words / best:,.0f} tokens/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
