"""Corpus scale, Python side: frame, graph, filters, timeline and evidence at up to 1,000,000 statements.

    python benchmarks/bench_scale.py                          # 1,000,000 statements, 400 actors
    python benchmarks/bench_scale.py --statements 100000 --base 75ecef5

The synthetic corpus is ``bench_filters.synthetic`` (Zipf-like actors, 40,000
articles over five years). Timed as medians of ``--repeat`` runs, wall time and
this process's CPU time (the machine is shared: the load averages are printed before and after):

* ``statements_frame`` from ``Statement`` objects, and the same frame read
  back from Parquet (``readwrite.parquet.read_frame``, checked equal);
* ``build_graph`` of all statements; with ``--base REV`` also the
  ``statements_frame``, Parquet load and ``build_graph`` of that git revision, in the
  same process on the same data (a side-by-side ratio: the machine is shared and noisy);
* a filter pass (``filter_frame``) with typical filters, with the date window
  alone, and with a quote search;
* ``timeline.period_counts`` for the corpus and for the busiest actor, and
  ``what_changed`` between two years;
* the evidence panel's Python side for the actor nearest 5,000 statements: ``actor_quotes``
  plus the Markdown of the first 50 quotes of its first 20 groups.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_filters import synthetic  # noqa: E402

from actorgraph import timeline, view  # noqa: E402
from actorgraph.analysis import actor_quotes  # noqa: E402
from actorgraph.filters import Filters, filter_frame  # noqa: E402
from actorgraph.graph import build_graph, statements_frame  # noqa: E402
from actorgraph.readwrite import parquet  # noqa: E402


def timed(fn, repeat: int) -> tuple[float, float, object]:
    """Median wall time and median CPU time of this process (the steadier figure on a shared machine)."""
    wall, cpu, result = [], [], None
    for _ in range(repeat):
        result = None  # the previous run's result is freed here, not inside the next timing
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(wall), statistics.median(cpu), result


def load() -> str:
    """The machine's load averages (1, 5, 15 minutes), as ``uptime`` shows them."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def base_graph_module(rev: str):
    """``actorgraph/graph.py`` of another revision, loaded as a module inside the installed package."""
    source = subprocess.run(["git", "show", f"{rev}:actorgraph/graph.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout  # fmt: skip
    module = types.ModuleType("actorgraph._graph_base")
    module.__package__ = "actorgraph"
    exec(compile(source, f"{rev}:actorgraph/graph.py", "exec"), module.__dict__)  # noqa: S102 (our own file)
    return module


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--statements", type=int, default=1_000_000)
    p.add_argument("--actors", type=int, default=400)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--base", metavar="REV", help="also time the frame, load and build_graph of this git revision, side by side")
    args = p.parse_args(argv)

    import pyarrow as pa
    import pyarrow.parquet as pq

    records = synthetic(args.statements, args.actors)
    print(f"load before: {load()}", flush=True)

    def row(name: str, secs: tuple[float, float], note: str = "") -> None:
        print(f"{name:<58} {secs[0] * 1000:9.0f} ms ({secs[1] * 1000:6.0f} cpu)  {note}", flush=True)

    base = base_graph_module(args.base) if args.base else None
    *secs, df = timed(lambda: statements_frame(records), 1)
    row("statements_frame (Statement objects)", secs, f"{len(df):,} statements")
    if base:
        *secs, _ = timed(lambda: base.statements_frame(records), 1)
        row(f"statements_frame at {args.base}", secs)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "statements.parquet"
        pq.write_table(pa.Table.from_pandas(df, preserve_index=False), path)
        *secs, back = timed(lambda: parquet.read_frame(path), args.repeat)
        same = "same frame" if back.equals(df) else "DIFFERENT FRAME"
        row("frame loaded from Parquet (parquet.read_frame)", secs, same)
        if base:
            *secs, _ = timed(lambda: base._typed(pq.read_table(path).to_pandas()), 1)
            row(f"pyarrow to_pandas + _typed at {args.base} (the former load)", secs)
        del back
    *secs, G = timed(lambda: build_graph(df), args.repeat)
    row("build_graph, all statements", secs, f"{G.number_of_nodes():,} actors, {G.number_of_edges():,} edges")
    if args.base:
        *secs, _ = timed(lambda: base.build_graph(df), 1)
        row(f"build_graph at {args.base}, all statements", secs)
    cases = {
        "typical (stance + dates + confidence + min weight 2)": Filters(
            stances=("opposes",), date_from="2016", date_to="2018-06", min_confidence=0.5, min_weight=2),
        "date window alone": Filters(date_from="2016-03", date_to="2017-08"),
        "quote search": Filters(quote="issue 42"),
    }  # fmt: skip
    for name, f in cases.items():
        *secs, out = timed(lambda: filter_frame(df, f), args.repeat)
        row(f"filter_frame: {name}", secs, f"{len(out):,} statements")
    import pandas as pd

    counts = pd.concat([df["source"], df["target"]]).value_counts()
    top = counts.index[0]
    near_5000 = (counts - 5000).abs().idxmin()  # the evidence panel target: an actor with ~5,000 statements
    *secs, table = timed(lambda: timeline.period_counts(df), args.repeat)
    row("period_counts, whole corpus", secs, f"{len(table)} periods ({table.attrs['freq']})")
    *secs, _ = timed(lambda: timeline.period_counts(df, actor=top), args.repeat)
    row(f"period_counts, {top}", secs)
    *secs, changes = timed(
        lambda: timeline.what_changed(df, timeline.Window("2016", "2016"), timeline.Window("2017", "2017")), 1
    )
    row("what_changed 2016 -> 2017", secs, str(timeline.change_counts(changes)))

    def evidence():
        groups = actor_quotes(df, near_5000)
        return groups, [view.quotes_block(g["quotes"][: view.EVIDENCE_PAGE]) for g in groups[: view.EVIDENCE_GROUPS]]

    *secs, (groups, _) = timed(evidence, args.repeat)
    row(f"evidence panel (Python), {near_5000}", secs, f"{sum(g['count'] for g in groups):,} statements")
    print(f"load after: {load()}")


if __name__ == "__main__":
    main()
