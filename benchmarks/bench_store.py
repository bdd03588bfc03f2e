"""The store's costs: opening a large store, and ingest against extraction alone.

    python benchmarks/bench_store.py                      # both parts
    python benchmarks/bench_store.py --part open --articles 10000 --statements 100000
    python benchmarks/bench_store.py --part ingest --repeat 3 [PATH ...]

* ``open``: a store of synthetic articles and statements (shaped as in
  ``bench_filters.py``) with a few hundred corrections (merges, renames, rejects,
  flips, manual statements); timed is what the app does on a reload once the
  file is in the OS cache: open the file, read every statement, replay the
  corrections, and build the frame. Best and median of ``--repeat``.
* ``ingest``: the same articles (dev + SEESAW of ``../shared/eval`` when present,
  else ``data/articles``) extracted alone and ingested into a fresh store, side
  by side in one run, alternating, with the same loaded pipeline; CPU seconds of
  this process (steadier than wall time on a shared machine), best of ``--repeat``.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from actorgraph import curation  # noqa: E402
from actorgraph.records import Article  # noqa: E402
from actorgraph.store import Store  # noqa: E402


def build_store(path: Path, n_articles: int, n_statements: int, seed: int = 1) -> Store:
    """A store of synthetic articles and statements, plus corrections of every kind."""
    from bench_filters import synthetic

    statements = synthetic(n_statements, 400, seed=seed)
    rng = random.Random(seed)
    by_article: dict[str, list] = {}
    for i, s in enumerate(statements):
        s.article_id = f"art{i % n_articles:06d}"
        by_article.setdefault(s.article_id, []).append(s)
    store = Store(path)
    batch = []
    for i in range(n_articles):
        aid = f"art{i:06d}"
        text = " ".join(s.quote for s in by_article.get(aid, [])) or f"Nothing in article {i}."
        batch.append((Article(aid, f"Article {i}", text, "2020-01-01", f"corpus/{i:06d}.txt"), by_article.get(aid, [])))
        if len(batch) == 1000:
            store.add_extracted(batch, "bench+1")
            batch = []
    if batch:
        store.add_extracted(batch, "bench+1")
    ids = [s.id for s in statements]
    names = sorted({s.source for s in statements})
    for k in range(50):
        curation.merge(store, names[-1 - k], names[k], names=names)
        curation.rename(store, names[100 + k], f"Renamed {k}", names=names)
    for sid in rng.sample(ids, 200):
        curation.reject(store, sid)
    for sid in rng.sample(ids, 200):
        curation.flip(store, sid)
    for _ in range(20):
        curation.undo(store)
    art = store.articles([f"art{0:06d}"])[0]
    for k in range(20):
        curation.add_statement(store, art.id, 0, min(20, len(art.text)), names[k], names[k + 1], "supports")
    return store


def bench_open(args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        store = build_store(Path(tmp) / "bench.db", args.articles, args.statements)
        built = time.perf_counter() - t
        counts = store.counts()
        print(f"store: {counts['articles']} articles, {counts['statements']} statements, "
              f"{counts['corrections']} corrections (built in {built:.1f} s)")
        t, c = time.perf_counter(), time.process_time()
        curation.curated_frame(Store(store.path))  # the first open runs the corpus pass and saves it
        print(f"first open (corpus pass run and saved in the store): {time.perf_counter() - t:.2f} s wall "
              f"({time.process_time() - c:.2f} s CPU)")
        times, cpu = [], []
        for _ in range(args.repeat):
            t, c = time.perf_counter(), time.process_time()
            df = curation.curated_frame(Store(store.path))
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        print(f"later opens, read + corrections + frame: best {min(times):.2f} s, median {statistics.median(times):.2f} s "
              f"wall ({statistics.median(cpu):.2f} s CPU), {len(df)} statements in the frame, best of {args.repeat}")


def bench_ingest(args) -> None:
    from bench_extract import default_paths

    from actorgraph.articles import read_articles
    from actorgraph.ingest import ingest_articles
    from actorgraph.statements import build_pipeline, extract_statements

    articles = read_articles(args.paths or default_paths()).articles
    build_pipeline()
    list(extract_statements(articles[:4]))  # warm up
    extract_t, ingest_t, n = [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.repeat):
            t = time.process_time()
            n = sum(1 for _ in extract_statements(articles, batch_size=16))
            extract_t.append(time.process_time() - t)
            store = Store(Path(tmp) / f"ingest{r}.db")
            t = time.process_time()
            report = ingest_articles(store, articles, batch_size=32)
            ingest_t.append(time.process_time() - t)
            assert report.added == len(articles) and store.counts()["statements"] == n
    e, i = min(extract_t), min(ingest_t)
    print(f"{len(articles)} articles, {n} statements, best of {args.repeat}, CPU seconds")
    print(f"extraction alone : {e:6.2f} s")
    print(f"ingest (store)   : {i:6.2f} s")
    print(f"ingest overhead  : {100 * (i - e) / e:+5.1f} %")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="articles for the ingest part")
    ap.add_argument("--part", choices=["open", "ingest", "both"], default="both")
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if args.part in ("open", "both"):
        bench_open(args)
    if args.part in ("ingest", "both"):
        bench_ingest(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
