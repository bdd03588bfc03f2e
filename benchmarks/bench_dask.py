"""Extraction on Dask against the local engine, side by side in one run.

    python benchmarks/bench_dask.py [PATH ...] [--repeat R] [--memory-articles N] [--partition-size P]

Part 1 (speed): the same articles (PATHs, else the dev and SEESAW articles of
``../shared/eval`` read in place (never copied), or ``$ACTORGRAPH_EVAL``, else 400 invented
ones) go through
  * the local engine: ``read_articles`` + ``extract_statements`` + one Parquet file, in this process;
  * ``--engine dask`` on a LocalCluster of 1 worker, and of 2 workers (Parquet shards).
Every run is end to end (read, extract, write), wall-clock seconds, with every pipeline
already loaded (the clusters are warmed on a few articles first). The runs are interleaved
R times and the best of each is kept, so the ratios compare like with like on a noisy
machine: speed-up = 1 worker / 2 workers, scheduler overhead = 1 worker / local - 1.

Part 2 (memory): N invented short articles (JSON lines, about 60 words each) on a fresh
LocalCluster of 2 workers; the peak resident memory of each worker process (``ru_maxrss``,
the spaCy model included) is read from the workers after the run.

Figures go in the README; this is never a timed test.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from actorgraph import distributed as engine  # noqa: E402
from actorgraph.articles import read_articles  # noqa: E402
from actorgraph.readwrite.parquet import write_statements  # noqa: E402
from actorgraph.statements import extract_statements  # noqa: E402
from invented_articles import write_jsonl  # noqa: E402

#: The evaluation folder beside the repository (or beside the folder of worktrees holding it).
EVAL = next((p for p in (Path(os.environ.get("ACTORGRAPH_EVAL", "")), ROOT.parent / "shared" / "eval",
                         ROOT.parent.parent / "shared" / "eval") if str(p) != "." and p.is_dir()),
            ROOT.parent / "shared" / "eval")


def default_paths(tmp: Path) -> list[str]:
    found = [EVAL / "dev" / "articles", EVAL / "seesaw_train" / "articles", EVAL / "seesaw_valid" / "articles"]
    found = [str(p) for p in found if p.is_dir()]
    return found or [str(write_jsonl(tmp / "invented.jsonl", 0, 400, sentences=30))]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def local_cluster(n: int):
    from distributed import Client

    cluster = engine.local_cluster(n)  # as `--workers n` starts it
    return cluster, Client(cluster)


def run_local(paths: list[str], out: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process, statements)."""
    t0, c0 = time.perf_counter(), time.process_time()
    loaded = read_articles(paths)
    statements = list(extract_statements(loaded.articles, nlp=engine.pipeline()))
    write_statements(statements, out)
    return time.perf_counter() - t0, time.process_time() - c0, len(statements)


def run_dask(paths: list[str], out: Path, cluster, size: int) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the workers on the tasks, statements)."""
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    s = engine.extract_to_folder(paths, out, engine="dask", scheduler=cluster.scheduler_address,
                                 partition_size=size, report=lambda line: None)
    return time.perf_counter() - t0, s.cpu, s.statements


def speed(paths: list[str], tmp: Path, repeat: int, size: int) -> dict[str, float]:
    arts = read_articles(paths).articles
    words = sum(len(a.text.split()) for a in arts)
    engine.pipeline()
    list(extract_statements(arts[:4], nlp=engine.pipeline()))
    warm = write_jsonl(tmp / "warm.jsonl", 10_000_000, 4)
    clusters = {n: local_cluster(n) for n in (1, 2)}
    try:
        for n, (cluster, _) in clusters.items():  # load the pipelines before timing
            run_dask([str(warm)], tmp / f"warm{n}", cluster, 2)
        best: dict[str, float] = {}
        cpu: dict[str, float] = {}
        counts: dict[str, int] = {}
        for r in range(repeat):
            runs = [("local", lambda: run_local(paths, tmp / "local.parquet")),
                    ("dask 1 worker", lambda: run_dask(paths, tmp / "d1", clusters[1][0], size)),
                    ("dask 2 workers", lambda: run_dask(paths, tmp / "d2", clusters[2][0], size))]
            for name, fn in runs[r % 3:] + runs[:r % 3]:  # rotate the order between repeats
                t, c, n = fn()
                best[name] = min(best.get(name, t), t)
                cpu[name] = min(cpu.get(name, c), c)
                counts[name] = n
    finally:
        for cluster, client in clusters.values():
            client.close()
            cluster.close()
    assert len(set(counts.values())) == 1, counts  # every engine found the same statements
    print(f"load average of the machine ({os.cpu_count()} cores) after the runs: "
          + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    print(f"{len(arts)} articles, {words} words, {counts['local']} statements, partition size {size}, "
          f"best of {repeat} interleaved runs; wall-clock, and CPU seconds spent on the extraction "
          f"(this process for local, the workers' tasks for dask)")
    for name, t in best.items():
        print(f"  {name:15s}: wall {t:7.2f} s {len(arts) / t:7.2f} articles/s {words / t:7.0f} words/s"
              f" | CPU {cpu[name]:7.2f} s {len(arts) / cpu[name]:6.2f} articles/s per core")
    print(f"  speed-up, 2 workers vs 1 (wall): {best['dask 1 worker'] / best['dask 2 workers']:.2f}x")
    print(f"  overhead of dask, 1 worker vs local: wall {100 * (best['dask 1 worker'] / best['local'] - 1):+.1f} %,"
          f" CPU {100 * (cpu['dask 1 worker'] / cpu['local'] - 1):+.1f} %")
    return {"per_core_articles": len(arts) / cpu["dask 2 workers"], "words_per_article": words / len(arts)}


def memory(tmp: Path, n: int, size: int) -> None:
    table = write_jsonl(tmp / "memory.jsonl", 10_000_000, n)
    words = sum(len(line.split()) for line in table.read_text().splitlines())
    cluster, client = local_cluster(2)
    try:
        t, cpu, statements = run_dask([str(table)], tmp / "mem", cluster, size)
        peaks = client.run(peak_mb)
    finally:
        client.close()
        cluster.close()
    print(f"{n} invented short articles (about {words // n} words each, JSON lines), 2 workers, "
          f"partition size {size}: {t:.1f} s wall, {cpu:.1f} CPU s in the workers, {statements} statements")
    for w, mb in sorted(peaks.items()):
        print(f"  peak resident memory of worker {w}: {mb:.0f} MB")
    print(f"  peak resident memory of this client process: {peak_mb():.0f} MB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="article files or folders (at least 300 articles)")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--memory-articles", type=int, default=10_000, help="0 skips the memory part")
    ap.add_argument("--partition-size", type=int, default=25)
    ap.add_argument("--skip-speed", action="store_true", help="only the memory part")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="bench_dask_"))
    try:
        rates = {} if args.skip_speed else speed(args.paths or default_paths(tmp), tmp, max(1, args.repeat),
                                                 args.partition_size)
        per_core = rates.get("per_core_articles")
        for cores in (32, 256) if per_core else ():
            hours = 10_000_000 / (per_core * cores) / 3600
            print(f"  10 million articles of this length on {cores} cores at the per-core CPU rate of the "
                  f"2-worker runs ({per_core:.2f} articles/s): {hours:.1f} h")
        if args.memory_articles:
            memory(tmp, args.memory_articles, 200)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
