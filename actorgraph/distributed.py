"""Extraction into a folder of Parquet shards, in this process or on a Dask cluster.

``actorgraph extract PATH... --engine dask -o OUT/`` plans partitions of articles
(``partitions.plan``), and each task extracts one partition and writes its shards
``OUT/articles/NAME`` then ``OUT/statements/NAME`` (``readwrite.parquet``), each under a
temporary name renamed when whole. A statements shard therefore means its partition is
done: a rerun (after a crash, a kill, a lost worker) submits only the partitions without
one, and a task that runs twice writes the same bytes under the same name, so nothing is
lost or duplicated. The shard name carries a hash of the partition's inputs and of the
extractor version; shards of an earlier run with other inputs are removed.

Each worker process loads the spaCy pipeline once (``PipelinePlugin`` preloads it into a
per-process cache that the tasks use), never once per task. The workers read the inputs
and write the output themselves, so on a real cluster both must be on a filesystem that
every worker sees under the same path. ``--engine local`` with a folder output runs the
same partitions one after the other in this process (resumable too).
"""
from __future__ import annotations

import logging
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from . import partitions
from .partitions import Partition
from .readwrite import parquet
from .readwrite.parquet import ARTICLES_DIR, STATEMENTS_DIR

SHARD = re.compile(r"part-\d{6}-[0-9a-f]{10}\.parquet")
#: How often Dask reruns a task that raised (a worker that dies is retried by the scheduler).
RETRIES = 2

_PIPELINES: dict[tuple[str, ...], object] = {}
#: How many times this process loaded the pipeline (the tests check it stays at one).
LOADS = {"count": 0}


def pipeline(gazetteers: tuple[str, ...] = ()):
    """This process's extraction pipeline, loaded on first use."""
    nlp = _PIPELINES.get(gazetteers)
    if nlp is None:
        import spacy

        from .gazetteer import load_gazetteer
        from .nlp import model_name
        from .statements import build_pipeline

        nlp = build_pipeline(spacy.load(model_name()), load_gazetteer(list(gazetteers), errors=[]))
        _PIPELINES[gazetteers] = nlp
        LOADS["count"] += 1
    return nlp


def load_count() -> int:
    return LOADS["count"]


@dataclass
class ShardResult:
    """What a partition gave; ``errors`` are one-line load errors, ``done_before`` when its
    shard was already there."""

    name: str
    articles: int
    statements: int
    errors: list[str] = field(default_factory=list)
    done_before: bool = False
    cpu: float = 0.0  # CPU seconds of the worker process while it ran this partition


def _done(statements_shard: Path) -> ShardResult | None:
    meta = parquet.shard_meta(statements_shard) if statements_shard.is_file() else None
    if meta is None:
        return None
    return ShardResult(statements_shard.name, meta["articles"], meta["statements"], meta["errors"], True)


def run_partition(part: Partition, out_dir: str, salt: str, gazetteers: tuple[str, ...] = (),
                  n_process: int = 1) -> ShardResult:
    """Extract one partition into its two shards (skipped when already complete)."""
    from .statements import extract_statements

    name = part.name(salt)
    out = Path(out_dir)
    done = _done(out / STATEMENTS_DIR / name)
    if done is not None:
        return done
    t0 = time.process_time()
    articles, load_errors = partitions.load(part)
    failed: list = []  # articles the pipeline could not analyse: one line each, as with the local engine
    statements = list(extract_statements(articles, nlp=pipeline(gazetteers), n_process=n_process, errors=failed))
    errors = [str(e) for e in [*load_errors, *failed]]
    parquet.write_articles(articles, out / ARTICLES_DIR / name)
    meta = {"articles": len(articles), "statements": len(statements), "errors": errors}
    parquet.write_statements(statements, out / STATEMENTS_DIR / name, meta=meta)
    return ShardResult(name, len(articles), len(statements), errors, cpu=time.process_time() - t0)


def salt(gazetteers: Sequence[str]) -> str:
    """What, besides its inputs, decides a shard's content: the extractor and the gazetteers."""
    from .version import extractor_version

    marks = [extractor_version()]
    for g in gazetteers:
        try:
            st = os.stat(g)
            marks.append(f"{g}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            marks.append(f"{g}:missing")
    return "|".join(marks)


def clean_stale(out: Path, names: set[str]) -> int:
    """Remove shards this plan does not name (an earlier run on other inputs) and leftover
    temporary files; returns how many shards went."""
    removed = 0
    for kind in (STATEMENTS_DIR, ARTICLES_DIR):
        folder = out / kind
        if not folder.is_dir():
            continue
        for p in folder.iterdir():
            if p.name.startswith(".") and p.name.endswith(".tmp"):
                p.unlink(missing_ok=True)
            elif SHARD.fullmatch(p.name) and p.name not in names:
                p.unlink(missing_ok=True)
                removed += kind == STATEMENTS_DIR
    return removed


# ------------------------------------------------------------------------- executors


def _run_local(todo: list[Partition], out: str, s: str, gazetteers: tuple[str, ...], n_process: int,
               done: Callable[[ShardResult | BaseException, Partition], None]) -> None:
    for part in todo:
        try:
            result = run_partition(part, out, s, gazetteers, n_process)
        except Exception as exc:  # one partition's failure must not lose the others
            result = exc
        done(result, part)


def local_cluster(workers: int):
    """A LocalCluster of single-threaded worker processes on this machine only: no dashboard,
    the scheduler's HTTP server on a free port of 127.0.0.1, and no statistical profiler (a
    thread sampling every 10 ms: about 10 % more CPU)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.worker.profile.enabled": False}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            dashboard_address=None, silence_logs=logging.ERROR,
                            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})


class EngineError(RuntimeError):
    """Dask missing or the scheduler unreachable: one line for the user."""


def _client(scheduler: str | None, workers: int):
    try:
        from distributed import Client
    except ImportError:
        raise EngineError("--engine dask needs Dask: pip install 'actorgraph[dask]'") from None
    if not scheduler:
        return Client(local_cluster(workers))
    try:
        return Client(scheduler)  # waits distributed.comm.timeouts.connect (30 s by default)
    except (OSError, ValueError) as exc:  # refused, timed out, malformed address
        raise EngineError(f"cannot reach the Dask scheduler at {scheduler} ({' '.join(str(exc).split())[:200]})") from None


def _close(client) -> None:
    cluster = client.cluster if hasattr(client, "cluster") else None
    client.close()
    if cluster is not None:
        cluster.close()


def _run_dask(todo: list[Partition], out: str, s: str, gazetteers: tuple[str, ...], scheduler: str | None,
              workers: int, done: Callable[[ShardResult | BaseException, Partition], None]) -> None:
    from distributed import as_completed

    client = _client(scheduler, workers)
    try:
        client.register_plugin(PipelinePlugin(gazetteers))
        futures = client.map(run_partition, todo, out_dir=out, salt=s, gazetteers=gazetteers,
                             pure=False, retries=RETRIES)
        by_future = dict(zip(futures, todo))
        for fut in as_completed(futures):
            try:
                result = fut.result()
            except Exception as exc:  # the task failed for good (a bug, a full disk, a worker killed thrice)
                result = exc
            done(result, by_future[fut])
            fut.release()
    finally:
        _close(client)


def _plugin_base():
    try:
        from distributed.diagnostics.plugin import WorkerPlugin
    except ImportError:  # without the extra: the local engine never needs it
        return object
    return WorkerPlugin


class PipelinePlugin(_plugin_base()):
    """Loads the pipeline once when a worker starts (or restarts), before its first task."""

    name = "actorgraph-pipeline"

    def __init__(self, gazetteers: tuple[str, ...] = ()):
        self.gazetteers = tuple(gazetteers)

    def setup(self, worker) -> None:
        pipeline(self.gazetteers)


# ----------------------------------------------------------------------------- the run


@dataclass
class RunSummary:
    partitions: int = 0
    done_before: int = 0
    articles: int = 0
    statements: int = 0
    removed: int = 0
    errors: list[str] = field(default_factory=list)
    cpu: float = 0.0  # CPU seconds the partitions took in their workers (this run's only)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


class _Tally:
    """Adds up shard results and reports each new error line once, as it comes."""

    def __init__(self, summary: RunSummary, report: Callable[[str], None], bar=None):
        self.summary, self.report, self.bar = summary, report, bar
        self.seen: set[str] = set()

    def error(self, line: str) -> None:
        if line not in self.seen:
            self.seen.add(line)
            self.summary.errors.append(line)
            self.report(line)

    def __call__(self, result: ShardResult | BaseException, part: Partition) -> None:
        if isinstance(result, BaseException):
            first = part.pieces[0].path
            more = f" and {len(part.pieces) - 1} more" if len(part.pieces) > 1 else ""
            msg = " ".join(f"{type(result).__name__}: {result}".split())[:300]
            self.error(f"partition {part.index} ({first}{more}): failed ({msg}); rerun the same command to retry it")
        else:
            self.summary.articles += result.articles
            self.summary.statements += result.statements
            self.summary.done_before += result.done_before
            self.summary.cpu += result.cpu
            for line in result.errors:
                self.error(line)
        if self.bar is not None:
            self.bar.update(part.size)


def _stderr(line: str) -> None:
    print(f"actorgraph: {line}", file=sys.stderr, flush=True)


def extract_to_folder(paths: Sequence[str], out_dir: str | Path, *, fmt: str | None = None,
                      gazetteers: Sequence[str] = (), engine: str = "local", scheduler: str | None = None,
                      workers: int | None = None, partition_size: int = 200, n_process: int = 1,
                      report: Callable[[str], None] = _stderr) -> RunSummary:
    """Extract the articles under ``paths`` into Parquet shards in ``out_dir``, skipping the
    partitions already complete there; bad inputs are reported (one line each) and skipped."""
    from tqdm import tqdm

    from .gazetteer import load_gazetteer

    out = Path(out_dir)
    summary = RunSummary()
    problems: list[str] = []
    load_gazetteer(list(gazetteers), errors=problems)
    parts, plan_errors = partitions.plan(paths, fmt, partition_size)
    s, gaz = salt(gazetteers), tuple(str(g) for g in gazetteers)
    summary.partitions = len(parts)
    summary.removed = clean_stale(out, {p.name(s) for p in parts})
    bar = tqdm(total=sum(p.size for p in parts), unit="article", file=sys.stderr, desc="extracting",
               leave=False, disable=None)
    tally = _Tally(summary, report, bar)
    for line in [*problems, *map(str, plan_errors)]:
        tally.error(line)
    todo = []
    for part in parts:
        before = _done(out / STATEMENTS_DIR / part.name(s))
        tally(before, part) if before else todo.append(part)
    try:
        if todo and engine == "dask":
            _run_dask(todo, str(out), s, gaz, scheduler, workers or os.cpu_count() or 1, tally)
        elif todo:
            _run_local(todo, str(out), s, gaz, n_process, tally)
    finally:
        bar.close()
    return summary


def describe(summary: RunSummary, out_dir: str | Path) -> str:
    """The closing line of a run."""
    again = f", {summary.done_before} already done" if summary.done_before else ""
    gone = f", {summary.removed} stale shard(s) of other inputs removed" if summary.removed else ""
    return (f"{summary.statements} statements from {summary.articles} articles in {summary.partitions} "
            f"partition(s){again}{gone} -> {out_dir}")
