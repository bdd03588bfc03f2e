"""Time to a stable drawing in headless Chromium, through the real app.

    python benchmarks/bench_browser.py                 # 100, 500 and 1500 actors
    python benchmarks/bench_browser.py --sizes 100 300 --runs 5

For each size a synthetic signed graph (camps that support each other inside
and oppose each other across, hub-heavy like news) is written as a statements
file and the app is started on it (``ACTORGRAPH_STATEMENTS``, with
``ACTORGRAPH_MAX_NODES`` raised so every actor is drawn). Then Chromium loads
the page, as a user does, and the component reports when the drawing is
stable: vis's ``stabilizationIterationsDone``/``stabilized`` (physics is then
switched off), or the first frame when positions come from Python.

Columns (milliseconds, from ``performance.now()`` in the page, i.e. since
navigation started):
  * ``first load``: a fresh server, so Python builds the frame, graph, layout
    and payload (extraction is not included: the statements are given);
  * ``reload``: median of ``--runs`` new browser sessions on the warm server;
  * ``data handed over``: of those reloads, median time until the vis Network
    is created (Streamlit's page boot, the script rerun, the payload sent);
  * ``drawing``: median time from then to stable: the browser's own share.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from browser_support import (  # noqa: E402
    APP,
    launch_chromium,
    start_streamlit,
    wait_app_idle,
    wait_graph_stable,
)

from actorgraph.readwrite.statements import write_jsonl  # noqa: E402
from actorgraph.view import PYTHON_LAYOUT_LIMIT  # noqa: E402
from actorgraph.records import Statement  # noqa: E402

TYPES = ("country", "person", "organisation", "group")
POSITIVE = ("supports", "allies", "praises", "aids", "cooperates")
NEGATIVE = ("opposes", "criticises", "condemns")


def synthetic_statements(n_actors: int, per_actor: float = 2.0, camps: int = 4, seed: int = 7) -> list[Statement]:
    """A signed graph with ``n_actors`` actors, each the source of at least one statement.

    Targets are drawn with a heavy tail (a few hubs get most statements), in
    the source's camp with a "supports" relation 65% of the time, else across
    camps with "opposes"; 10% of the signs are flipped as noise.
    """
    rnd = random.Random(seed)
    names = [f"Actor {i:05d}" for i in range(n_actors)]
    camp = [i % camps for i in range(n_actors)]
    by_camp = [[i for i in range(n_actors) if camp[i] == c] for c in range(camps)]
    weights = [1.0 / (r + 1) ** 0.9 for r in range(n_actors)]
    out: list[Statement] = []
    total = int(n_actors * per_actor)
    for k in range(total):
        i = k if k < n_actors else rnd.randrange(n_actors)
        friendly = rnd.random() < 0.65
        pool = by_camp[camp[i]] if friendly else [j for c in range(camps) if c != camp[i] for j in by_camp[c]]
        j = rnd.choices(pool, weights=[weights[p] for p in pool])[0]
        if j == i:
            continue
        positive = friendly != (rnd.random() < 0.1)
        relation = rnd.choice(POSITIVE if positive else NEGATIVE)
        stance = "supports" if positive else "opposes"
        art = f"a{k % max(1, total // 20):04d}"
        quote = f"{names[i]} {relation} {names[j]}."
        out.append(
            Statement(
                source=names[i], target=names[j], source_type=TYPES[i % 4], target_type=TYPES[j % 4],
                stance=stance, sign=1 if positive else -1, relation=relation, quote=quote,
                article_id=art, title=f"Synthetic article {art}", date=f"2020-{1 + k % 12:02d}-{1 + k % 28:02d}",
                path=f"{art}.txt", url=None, sentence_index=k, start=0, end=len(quote), confidence=0.8,
                cue=relation,
            )  # fmt: skip
        )
    return out


def measure(browser, url: str) -> dict[str, float]:
    """One new browser session: navigation -> app idle and drawing stable."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        page.goto(url)
        wait_graph_stable(page, timeout=300_000)
        wait_app_idle(page, timeout=300_000)
        t = page.evaluate(
            """() => ({created: window.actorgraphState.createdAt, stable: window.actorgraphState.stableAt,
                       nodes: window.actorgraphNetwork.body.data.nodes.length,
                       edges: window.actorgraphState.edges.length})  // big drawings: lines drawn by the component"""
        )
        return t
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 1500])
    ap.add_argument("--runs", type=int, default=3, help="reloads per size on the warm server")
    args = ap.parse_args(argv)

    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix="actorgraph-bench-") as tmp, sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            for n in args.sizes:
                path = Path(tmp) / f"synthetic_{n}.jsonl"
                with open(path, "w", encoding="utf-8") as fh:
                    write_jsonl(synthetic_statements(n), fh)
                server = start_streamlit(
                    APP, env={"ACTORGRAPH_STATEMENTS": str(path), "ACTORGRAPH_MAX_NODES": str(max(n, 10))},
                    log_dir=tmp,
                )  # fmt: skip
                try:
                    t0 = time.perf_counter()
                    first = measure(browser, server.url)
                    wall_first = (time.perf_counter() - t0) * 1000
                    reloads = [measure(browser, server.url) for _ in range(args.runs)]
                except Exception:
                    print(server.log(), file=sys.stderr)
                    raise
                finally:
                    server.stop()
                rows.append(
                    {
                        "actors": first["nodes"],
                        "edges": first["edges"],
                        "layout": "Python, physics off" if first["nodes"] > PYTHON_LAYOUT_LIMIT else "vis physics",
                        "first": first["stable"],
                        "first_wall": wall_first,
                        "reload": statistics.median(r["stable"] for r in reloads),
                        "created": statistics.median(r["created"] for r in reloads),
                        "draw": statistics.median(r["stable"] - r["created"] for r in reloads),
                    }
                )
                r = rows[-1]
                print(f"  {n}: {r}", file=sys.stderr, flush=True)
        finally:
            browser.close()

    print(f"Chromium headless, {args.runs} reloads per size; ms since navigation start")
    print()
    print("| actors | edges | layout | first load | reload | of which: data handed over | of which: drawing |")
    print("|---:|---:|---|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['actors']} | {r['edges']} | {r['layout']} | {r['first']:.0f} | {r['reload']:.0f} | {r['created']:.0f} | {r['draw']:.0f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
