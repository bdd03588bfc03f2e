"""Large graphs in headless Chromium through the real app: drawing, highlight, date window, evidence.

    python benchmarks/bench_timegraph.py                    # 2,000 actors, 10,000 edges, a 5,000-statement hub
    python benchmarks/bench_timegraph.py --actors 500 --edges 2000 --hub 1000 --runs 3
    PYTHONPATH=../other python benchmarks/bench_timegraph.py --app ../other/app.py   # another checkout

A synthetic corpus (camps that support each other inside and oppose each
other across, dated over two years) is written as a statements file and the
app is started on it with every actor drawn. One actor, the hub, takes part in
``--hub`` statements. Times (ms, medians of ``--runs``):

  * ``first drawing``: from the moment the component has its data (the vis
    Network is created) to the first frame of the finished drawing;
  * ``highlight``: from selecting the hub in the page (as a click does,
    before Python answers) to the painted frame that shows it and its
    neighbours over a veil (a snapshot of the drawing, then the
    neighbourhood: vis's own full redraw follows later);
  * ``date window``: from a click on the date window's track to the new
    drawing being stable, end to end (Python filters and rebuilds the graph,
    the browser updates the drawing);
  * ``evidence``: from a click on the hub to its first quotes in the panel,
    end to end (first 50 quotes per group).

``date window`` and ``evidence`` are timed twice: by the harness (from before
Playwright's click, whose own steps, finding the spot and the CDP round trip,
add about 0.1 s) and ``in page``, from the click's pointerdown to the stable
drawing or the first quote in the DOM, on the page's clock (what a user waits
for; ``browser_support.CLOCK_JS``).

Bytes the page received over Streamlit's websocket are counted for the page
load, the date window and the evidence click (medians, MB).
"""
from __future__ import annotations

import argparse
import datetime as dt
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
    CLOCK_JS,
    click_node,
    clock,
    launch_chromium,
    panel_locator,
    start_streamlit,
    wait_app_idle,
    wait_graph_stable,
)

from actorgraph.readwrite.statements import write_jsonl  # noqa: E402
from actorgraph.records import Statement  # noqa: E402

HUB = "Actor 0000"


def corpus(n_actors: int, n_edges: int, hub: int, seed: int = 5) -> list[Statement]:
    """One statement per (source, target) pair, plus ``hub`` statements around the hub, dated over 2 years."""
    rng = random.Random(seed)
    actors = [f"Actor {i:04d}" for i in range(n_actors)]
    camp = {a: rng.randrange(4) for a in actors}
    weights = [1 / (i + 1) ** 0.8 for i in range(n_actors)]
    start = dt.date(2020, 1, 1)
    pairs: set[tuple[str, str]] = set()
    for i, a in enumerate(actors):  # everyone takes part
        b = actors[(i * 7 + 1) % n_actors]
        if a != b:
            pairs.add((a, b))
    while len(pairs) < n_edges:
        a, b = rng.choices(actors, weights, k=2)
        if a != b:
            pairs.add((a, b))
    hub_pairs = [p for p in sorted(pairs) if HUB in p]
    rows = sorted(pairs) + [rng.choice(hub_pairs) for _ in range(hub)]
    out = []
    for i, (a, b) in enumerate(rows):
        supports = (camp[a] == camp[b]) == (rng.random() < 0.85)
        date = (start + dt.timedelta(days=rng.randrange(730))).isoformat()
        quote = f"{a} {'backed' if supports else 'condemned'} {b} in statement {i}."
        out.append(Statement(
            source=a, target=b, source_type="country", target_type="person" if i % 3 else "country",
            stance="supports" if supports else "opposes", sign=1 if supports else -1,
            relation="supports" if supports else "opposes", quote=quote, article_id=f"art{i // 3}",
            title=f"Report {i // 3}", date=date, path=f"corpus/{i // 3}.txt", url=None, sentence_index=i % 3,
            start=i, end=i + len(quote), confidence=0.8,
        ))  # fmt: skip
    return out


HIGHLIGHT_JS = """(id) => {
  const s = window.actorgraphState;
  const t0 = performance.now();
  s.select(id);  // paints the highlight at once, over a snapshot of the drawing
  return performance.now() - t0;
}"""

UNSELECT_JS = """() => new Promise((done) => {
  const s = window.actorgraphState;
  s.select(null);
  s.network.once("afterDrawing", () => done(0));
  s.network.redraw();
})"""


class Received:
    """Bytes the page receives over Streamlit's websocket (``mark`` starts a step)."""

    def __init__(self, page) -> None:
        self.total = self.start = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        self.total += len(payload) if payload is not None else 0

    def mark(self) -> None:
        self.start = self.total

    def step(self) -> float:
        return (self.total - self.start) / 2**20


def measure(url: str, runs: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    got: dict[str, list[float]] = {k: [] for k in ("first drawing", "highlight", "date window", "date window in page",
                                                   "evidence", "evidence in page",
                                                   "MB page load", "MB date window", "MB evidence")}  # fmt: skip
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1500, "height": 1000})
                page.set_default_timeout(180_000)
                page.add_init_script(CLOCK_JS)
                received = Received(page)
                page.goto(url)
                wait_app_idle(page, 300_000)
                wait_graph_stable(page, 300_000)
                got["MB page load"].append(received.step())
                t = page.evaluate("() => [window.actorgraphState.createdAt, window.actorgraphState.stableAt]")
                got["first drawing"].append(t[1] - t[0])
                got["highlight"].append(page.evaluate(HIGHLIGHT_JS, HUB))
                page.evaluate(UNSELECT_JS)
                # date window: click the track at 70 %; the upper end moves there
                version = page.evaluate("() => window.actorgraphState.version")
                track = page.locator('[role="group"][aria-label="Date window"]').bounding_box()
                received.mark()
                t0 = time.perf_counter()
                page.mouse.click(track["x"] + track["width"] * 0.7, track["y"] + track["height"] / 2)
                page.wait_for_function(
                    "(v) => window.actorgraphState && window.actorgraphState.version !== v"
                    " && window.actorgraphState.stable", arg=version, timeout=300_000,
                )  # fmt: skip
                got["date window"].append((time.perf_counter() - t0) * 1000)
                got["date window in page"].append(clock(page)["stable"])
                wait_app_idle(page, 300_000)
                wait_graph_stable(page, 300_000)
                got["MB date window"].append(received.step())
                received.mark()
                t0 = time.perf_counter()
                click_node(page, HUB)
                panel_locator(page).locator("blockquote").first.wait_for(timeout=300_000)
                got["evidence"].append((time.perf_counter() - t0) * 1000)
                got["evidence in page"].append(clock(page)["quote"])
                wait_app_idle(page, 300_000)
                got["MB evidence"].append(received.step())
                page.close()
        finally:
            browser.close()
    return got


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--actors", type=int, default=2000)
    p.add_argument("--edges", type=int, default=10_000)
    p.add_argument("--hub", type=int, default=5000, help="extra statements of the hub actor")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--app", default=str(APP), help="the app.py to measure (another checkout's, for a side-by-side "
                   "run: set PYTHONPATH to that checkout too)")  # fmt: skip
    args = p.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="actorgraph-bench-"))
    path = folder / "statements.jsonl"
    statements = corpus(args.actors, args.edges, args.hub)
    with open(path, "w", encoding="utf-8") as fh:
        write_jsonl(statements, fh)
    # every actor and every edge drawn: the app's default edge cap (view.MAX_EDGES) would draw fewer
    env = {"ACTORGRAPH_STATEMENTS": str(path), "ACTORGRAPH_MAX_NODES": str(args.actors + 10),
           "ACTORGRAPH_MAX_EDGES": str(args.edges + 10)}
    server = start_streamlit(args.app, env=env, log_dir=folder, timeout=300)
    try:
        got = measure(server.url, args.runs)
    except Exception:
        print(server.log(), file=sys.stderr)
        raise
    finally:
        server.stop()
    print(f"{args.actors:,} actors, {args.edges:,} edges, {len(statements):,} statements "
          f"(hub: {args.hub:,} extra); medians of {args.runs} run(s), ms")  # fmt: skip
    for name, values in got.items():
        form = ".2f" if name.startswith("MB") else ".0f"
        print(f"  {name:<20} {statistics.median(values):8{form}}   (runs: {', '.join(f'{v:{form}}' for v in values)})")


if __name__ == "__main__":
    main()
