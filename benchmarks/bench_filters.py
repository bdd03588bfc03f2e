"""Time one filter pass (and the graph builds) on synthetic statements.

    python benchmarks/bench_filters.py [--statements 100000] [--actors 400] [--repeat 5]

The corpus is synthetic but shaped like news: a few hundred actors whose
frequency follows a Zipf-like law (a handful dominate), a few thousand
articles over five years, 60 % supports. Figures are medians of ``--repeat``
runs; the README quotes them.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from actorgraph.analysis import balance  # noqa: E402
from actorgraph.filters import Filters, filter_frame  # noqa: E402
from actorgraph.graph import build_graph, build_multigraph, statements_frame  # noqa: E402
from actorgraph.readwrite.statements import read_statements, write_jsonl  # noqa: E402
from actorgraph.records import ACTOR_TYPES, Statement  # noqa: E402

RELATIONS = ("supports", "allies", "praises", "aids", "criticises", "sanctions", "attacks", "opposes")  # the vocabulary (lexicon/en/relations.csv)


def synthetic(n: int, n_actors: int, seed: int = 1) -> list[Statement]:
    rng = random.Random(seed)
    actors = [f"Actor {i:03d}" for i in range(n_actors)]
    types = {a: rng.choice(ACTOR_TYPES) for a in actors}
    weights = [1 / (i + 1) ** 1.1 for i in range(n_actors)]
    n_articles = max(1, n // 25)
    articles = []
    for i in range(n_articles):
        day = rng.randrange(5 * 365)
        date = f"{2015 + day // 365}-{1 + day % 365 // 31:02d}-{1 + day % 28:02d}"
        articles.append((f"art{i:06d}", f"Article {i}", date, f"corpus/{i:06d}.txt"))
    out = []
    for i in range(n):
        src, tgt = rng.choices(actors, weights, k=2)
        while tgt == src:
            tgt = rng.choices(actors, weights)[0]
        supports = rng.random() < 0.6
        art, title, date, path = articles[rng.randrange(n_articles)]
        quote = f"{src} {'backed' if supports else 'condemned'} {tgt} on issue {i % 97}."
        out.append(
            Statement(
                source=src, target=tgt, source_type=types[src], target_type=types[tgt],
                stance="supports" if supports else "opposes", sign=1 if supports else -1,
                relation=rng.choice(RELATIONS[:4] if supports else RELATIONS[4:]), quote=quote,
                article_id=art, title=title, date=date, path=path, url=None, sentence_index=i % 40,
                start=i, end=i + len(quote), confidence=round(rng.uniform(0.3, 1.0), 2),
                source_mention=src.upper(), target_mention=tgt,
            )  # fmt: skip
        )
    return out


def timed(fn, repeat: int) -> tuple[str, object]:
    """Median wall time and median CPU time of this process, as "wall ms (cpu ms)".

    CPU time is the steadier figure on a shared machine: other processes
    competing for the cores inflate the wall time but not this one's CPU time.
    """
    wall, cpu, result = [], [], None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return f"{statistics.median(wall) * 1000:8.1f} ms ({statistics.median(cpu) * 1000:7.1f} cpu)", result


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--statements", type=int, default=100_000)
    p.add_argument("--actors", type=int, default=400)
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args(argv)

    records = synthetic(args.statements, args.actors)
    secs, df = timed(lambda: statements_frame(records), 1)
    print(f"{len(df):,} statements, {args.actors} actors")
    print(f"{'statements_frame':<70} {secs}")
    top = df["source"].value_counts().index[0]
    cases = {
        "no filter": Filters(),
        "typical (stance + dates + confidence + min weight 2)": Filters(
            stances=("opposes",), date_from="2016", date_to="2018-06", min_confidence=0.5, min_weight=2
        ),
        "search on names and aliases": Filters(search="actor 01"),
        "focus 1 hop + top 50": Filters(focus=top.lower(), hops=1, top_n=50),
        "everything at once": Filters(
            stances=("supports",), relations=("supports", "aids"), actor_types=("country", "person"),
            date_from="2016", date_to="2019", min_confidence=0.4, min_weight=2, search="actor",
            focus=top, hops=2, top_n=100,
        ),  # fmt: skip
    }
    for name, f in cases.items():
        secs, out = timed(lambda: filter_frame(df, f), args.repeat)
        print(f"filter_frame: {name:<56} {secs}  -> {len(out):,} statements")
    typical = filter_frame(df, cases["typical (stance + dates + confidence + min weight 2)"])
    for name, frame in (("typical selection", typical), ("all statements", df)):
        secs, G = timed(lambda: build_graph(frame), max(1, args.repeat // 2))
        print(f"build_graph: {name:<57} {secs}  -> {G.number_of_nodes()} actors, {G.number_of_edges():,} edges")
    supports = filter_frame(df, Filters(stances=("supports",)))
    for evidence in (True, False):  # the app's filtered views leave the evidence lists out
        secs, _ = timed(lambda: build_graph(supports, evidence=evidence), args.repeat)
        print(f"build_graph: {'supports only, evidence=' + str(evidence):<57} {secs}")
    # statements read back from JSON lines (a string object per row, as the app reads a file)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "statements.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            write_jsonl(records, fh)
        secs, read = timed(lambda: statements_frame(read_statements(path)), 1)
    print(f"{'statements_frame, read back from JSON lines':<70} {secs}")
    read_supports = filter_frame(read, Filters(stances=("supports",)))
    secs, _ = timed(lambda: build_graph(read_supports, evidence=False), args.repeat)
    print(f"build_graph: {'read back, supports only, evidence=False':<57} {secs}")
    secs, b = timed(lambda: balance(G), 1)
    print(f"balance: {'all statements':<61} {secs}  -> {b['triads']:,} triads")
    secs, M = timed(lambda: build_multigraph(df), 1)
    print(f"build_multigraph: {'all statements':<52} {secs}  -> {M.number_of_edges():,} edges")


if __name__ == "__main__":
    main()
