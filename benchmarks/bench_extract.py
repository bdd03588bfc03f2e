"""Time the whole extraction against spaCy's parse alone on the same texts.

    python benchmarks/bench_extract.py [PATH ...] [--processes N] [--repeat R] [--batch-size B]

PATHs are article files or folders (default: the dev and SEESAW articles of the
evaluation folder ``../shared/eval`` beside the repository, or ``$ACTORGRAPH_EVAL``,
when present, else data/articles). The baseline is the same
spaCy pipeline without our components (tok2vec, tagger, parser, lemmatizer,
NER), run with the same ``nlp.pipe`` batching and processes; the full run is
``extract_statements`` (our components plus building the Statement records).
Each is run R times, interleaved, and the best time is kept. With one process
the times are CPU seconds of this process (``time.process_time``), so other
programs running on the machine do not blur the comparison; with several
processes they are wall-clock seconds. Figures go in the README; this is never
a timed test.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actorgraph.articles import read_articles  # noqa: E402
from actorgraph.statements import build_pipeline, extract_statements  # noqa: E402

EVAL = Path(os.environ.get("ACTORGRAPH_EVAL") or ROOT.parent / "shared" / "eval")


def default_paths() -> list[str]:
    found = [EVAL / "dev" / "articles", EVAL / "seesaw_valid" / "articles"]
    found = [p for p in found if p.is_dir()]
    return [str(p) for p in found] or [str(ROOT / "data" / "articles")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="article files or folders")
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args(argv)

    import spacy

    from actorgraph.nlp import model_name

    loaded = read_articles(args.paths or default_paths())
    for err in loaded.errors:
        print(f"skipped: {err}", file=sys.stderr)
    articles = loaded.articles
    if not articles:
        print("no articles", file=sys.stderr)
        return 1
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    base = spacy.load(model_name())  # a separate copy: parse only
    full = build_pipeline()
    # warm up both (lazy tables, matchers)
    list(base.pipe(texts[:4]))
    list(extract_statements(articles[:4], nlp=full))

    clock = time.process_time if args.processes == 1 else time.perf_counter

    def run_base() -> float:
        t0 = clock()
        for _ in base.pipe(texts, batch_size=args.batch_size, n_process=args.processes):
            pass
        return clock() - t0

    n_statements = 0

    def run_full() -> float:
        nonlocal n_statements
        t0 = clock()
        n_statements = sum(1 for _ in extract_statements(articles, nlp=full, batch_size=args.batch_size,
                                                         n_process=args.processes))
        return clock() - t0

    tb, tf = [], []
    for _ in range(max(1, args.repeat)):
        tb.append(run_base())
        tf.append(run_full())
    b, f = min(tb), min(tf)
    print(f"{len(articles)} articles, {words} words, {n_statements} statements, "
          f"processes={args.processes}, batch_size={args.batch_size}, best of {len(tb)}, "
          f"{'CPU' if args.processes == 1 else 'wall-clock'} seconds")
    print(f"spaCy parse alone : {b:7.2f} s  {len(articles) / b:8.1f} articles/s  {words / b:9.0f} words/s")
    print(f"full extraction   : {f:7.2f} s  {len(articles) / f:8.1f} articles/s  {words / f:9.0f} words/s")
    print(f"overhead          : {100 * (f - b) / b:+6.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
