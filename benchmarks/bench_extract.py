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
processes (``--processes N``) the one-process and N-process runs are timed side
by side, interleaved, in wall-clock seconds, with the CPU seconds of the parent
and of the worker processes (the parent's share is the serial part that caps the
speed-up). Figures go in the README; this is never a timed test.
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
from actorgraph.statements import PIPE_BATCH, build_pipeline, extract_statements  # noqa: E402

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
    ap.add_argument("--batch-size", type=int, default=PIPE_BATCH)
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

    if args.processes > 1:
        return compare_processes(base, full, articles, texts, words, args)

    clock = time.process_time

    def run_base() -> float:
        t0 = clock()
        for _ in base.pipe(texts, batch_size=args.batch_size):
            pass
        return clock() - t0

    n_statements = 0

    def run_full() -> float:
        nonlocal n_statements
        t0 = clock()
        n_statements = sum(1 for _ in extract_statements(articles, nlp=full, batch_size=args.batch_size))
        return clock() - t0

    tb, tf = [], []
    for _ in range(max(1, args.repeat)):
        tb.append(run_base())
        tf.append(run_full())
    b, f = min(tb), min(tf)
    print(f"{len(articles)} articles, {words} words, {n_statements} statements, "
          f"processes=1, batch_size={args.batch_size}, best of {len(tb)}, CPU seconds")
    print(f"spaCy parse alone : {b:7.2f} s  {len(articles) / b:8.1f} articles/s  {words / b:9.0f} words/s")
    print(f"full extraction   : {f:7.2f} s  {len(articles) / f:8.1f} articles/s  {words / f:9.0f} words/s")
    print(f"overhead          : {100 * (f - b) / b:+6.1f} %")
    return 0


def spacy_n_process(full, articles, batch_size: int, n: int) -> int:
    """The way extraction ran before issue 14: spaCy's own workers ship Docs back and the
    parent builds the statements (kept here only to measure against)."""
    from actorgraph.statements import parsed_text, statements_from_doc

    docs = full.pipe(((parsed_text(a), a) for a in articles), as_tuples=True, batch_size=batch_size, n_process=n)
    return sum(len(statements_from_doc(doc, a)) for doc, a in docs)


class WorkerCPU:
    """CPU seconds of each child process, sampled until it ends (psutil, every 0.1 s); ``own`` is
    the CPU the sampling thread itself used (taken off the parent's)."""

    def __enter__(self) -> "WorkerCPU":
        import threading

        import psutil

        self.cpu: dict[int, float] = {}
        self.own = 0.0
        self._me, self._stop = psutil.Process(), threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        t0 = time.thread_time()
        while not self._stop.wait(0.1):
            for child in self._me.children(recursive=True):
                try:
                    t = child.cpu_times()
                    self.cpu[child.pid] = max(self.cpu.get(child.pid, 0.0), t.user + t.system)
                except Exception:  # noqa: BLE001  (it ended between two calls)
                    pass
        self.own = time.thread_time() - t0

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def serial_parts(full, articles, n: int, bs: int, one_cpu: float) -> None:
    """What runs in one process around the parallel parse, and the speed-up it leaves:
    starting the N workers, and the corpus pass (``identity.join_names``) the command line
    runs over all statements after extraction."""
    from actorgraph import workers
    from actorgraph.identity import join_names

    t0 = time.perf_counter()
    pool = workers._pool(workers.Pipeline(full), n, bs)
    [f.result() for f in [pool.submit(os.getpid) for _ in range(n)]]  # every worker up and answering
    start = time.perf_counter() - t0
    pool.shutdown()
    statements = list(extract_statements(articles, nlp=full, batch_size=bs))
    c0 = time.process_time()
    join_names(statements)
    join = time.process_time() - c0
    serial = start + join
    bound = (one_cpu + join) / (serial + one_cpu / n)
    print(f"serial parts: starting {n} workers {start:.2f} s wall; corpus pass over {len(statements)} statements "
          f"{join:.2f} CPU s ({100 * join / one_cpu:.1f} % of the 1-process extraction); with them, "
          f"{n} processes can give at most {bound:.2f}x on an idle machine (extract + corpus pass, CPU-bound)")


def compare_processes(base, full, articles, texts, words, args) -> int:
    """Wall-clock seconds of 1 and N processes, interleaved in one run, best of R each."""
    n, bs = args.processes, args.batch_size
    runs = {
        "spaCy parse alone, 1 process": lambda: sum(1 for _ in base.pipe(texts, batch_size=bs)),
        f"spaCy parse alone, nlp.pipe(n_process={n})": lambda: sum(
            1 for _ in base.pipe(texts, batch_size=bs, n_process=n)),
        "full extraction, 1 process": lambda: sum(1 for _ in extract_statements(articles, nlp=full, batch_size=bs)),
        f"full extraction, spaCy n_process={n} (before)": lambda: spacy_n_process(full, articles, bs, n),
        f"full extraction, --processes {n} (worker pool)": lambda: sum(
            1 for _ in extract_statements(articles, nlp=full, batch_size=bs, n_process=n)),
    }  # fmt: skip
    times: dict[str, list[tuple[float, float, float, float]]] = {k: [] for k in runs}
    for _ in range(max(1, args.repeat)):
        for name, run in runs.items():
            c0, t0 = os.times(), time.perf_counter()
            with WorkerCPU() as per_worker:
                run()
            c1, wall = os.times(), time.perf_counter() - t0
            parent = c1.user - c0.user + c1.system - c0.system - per_worker.own
            workers = c1.children_user - c0.children_user + c1.children_system - c0.children_system
            times[name].append((wall, parent, workers, max(per_worker.cpu.values(), default=0.0)))
    best = {k: min(v) for k, v in times.items()}
    one = {"spaCy": best["spaCy parse alone, 1 process"], "full": best["full extraction, 1 process"]}
    print(f"{len(articles)} articles, {words} words, batch_size={bs}, best of {args.repeat} by wall-clock, "
          f"interleaved in one run; CPU seconds of the parent and of its worker processes")
    print("| run | wall s | articles/s | speed-up over 1 process | parent CPU s | workers CPU s "
          "| CPU-bound speed-up |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, (wall, parent, workers, busiest) in best.items():
        ref = one["spaCy"] if name.startswith("spaCy") else one["full"]
        # on an idle machine a CPU-bound run takes as long as its busiest process
        path = max(parent, busiest)
        print(f"| {name} | {wall:.2f} | {len(articles) / wall:.1f} | {ref[0] / wall:.2f}x | {parent:.2f} "
              f"| {workers:.2f} | {ref[1] / path:.2f}x |")
    print("CPU-bound speed-up: CPU seconds of the 1-process run over those of the busiest process of this "
          "run (the parent or one worker, sampled): near what an otherwise idle machine gives, "
          "less any time a worker waits idle for the parent.")
    serial_parts(full, articles, n, bs, one["full"][1])
    if os.getloadavg()[0] > (os.cpu_count() or 1):
        print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: other programs shared the CPUs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
