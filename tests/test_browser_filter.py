"""A filter change on a big drawing in a real browser (issue 14): what vis holds afterwards.

One server on synthetic statements (``bench_filters.synthetic``: 200 actors, so positions come
from Python and a big change rebuilds vis's DataSets), with at most 1,000 edges drawn
(``ACTORGRAPH_MAX_EDGES``), so the cap applies before and after the change.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # whatever pytest's import mode
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_filters import synthetic  # noqa: E402
from browser_support import (  # noqa: E402,F401  (fixtures are used by name)
    APP,
    BrowserPage,
    StreamlitServer,
    browser_page,
    chromium_browser,
    open_drawn,
    start_streamlit,
    wait_app_idle,
)

from actorgraph.filters import Filters, apply  # noqa: E402
from actorgraph.graph import statements_frame  # noqa: E402
from actorgraph.readwrite.statements import read_statements, write_jsonl  # noqa: E402

pytestmark = pytest.mark.browser

EDGE_CAP = 1000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("filter") / "statements.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        write_jsonl(synthetic(12_000, 200), fh)
    return path


@pytest.fixture(scope="module")
def server(corpus: Path) -> Iterator[StreamlitServer]:
    env = {"ACTORGRAPH_STATEMENTS": str(corpus), "ACTORGRAPH_MAX_EDGES": str(EDGE_CAP)}
    srv = start_streamlit(APP, env=env, log_dir=corpus.parent)
    try:
        yield srv
    finally:
        srv.stop()


def header(bp: BrowserPage) -> dict[str, str]:
    boxes = bp.page.get_by_test_id("stMetric")
    out = {}
    for i in range(boxes.count()):
        label = boxes.nth(i).get_by_test_id("stMetricLabel").inner_text().strip()
        out[label] = boxes.nth(i).get_by_test_id("stMetricValue").inner_text().strip()
    return out


def drawn(bp: BrowserPage) -> dict:
    """What vis holds: node ids, and (from, to, stance, weight) of every edge."""
    return bp.page.evaluate("""() => {
      const s = window.actorgraphState;
      return {version: s.version, nodes: s.nodes.getIds(),
              edges: s.edges.get().map(e => [e.from, e.to, e.stance, e.weight, e.id])};
    }""")


def test_filter_change_redraws_the_filtered_graph_with_drawn_of_total(server, corpus, browser_page) -> None:
    bp = browser_page
    open_drawn(bp.page, server)
    df = statements_frame(read_statements(corpus))
    before = drawn(bp)
    assert len(before["edges"]) == EDGE_CAP and {e[2] for e in before["edges"]} == {"supports", "opposes"}

    bp.page.locator('[data-testid="stMultiSelect"]', has_text="Stance").first.click()
    bp.page.get_by_role("option", name="supports", exact=True).click()
    bp.page.wait_for_function(
        """(v) => window.actorgraphState && window.actorgraphState.version !== v
                  && document.querySelector('[data-testid="actorgraph-network"]').dataset.stable === 'true'""",
        arg=before["version"], timeout=120_000,
    )  # fmt: skip
    wait_app_idle(bp.page)

    view_df, G = apply(df, Filters(stances=("supports",)))
    total = G.number_of_edges()
    got, counts = drawn(bp), header(bp)
    assert total > EDGE_CAP and counts["Edges"] == f"{EDGE_CAP:,} of {total:,}"
    assert counts["Statements"] == f"{len(view_df):,}" and counts["Actors"] == f"{G.number_of_nodes():,}"
    assert sorted(got["nodes"]) == sorted(G.nodes)
    edges = got["edges"]
    assert len(edges) == len({e[4] for e in edges}) == EDGE_CAP, "no edge of the drawing before is left behind"
    assert all(e[2] == "supports" and G[e[0]][e[1]]["supports"]["weight"] == e[3] for e in edges)
    heaviest = sorted((d["weight"] for *_, d in G.edges(data=True)), reverse=True)[:EDGE_CAP]
    assert sorted((e[3] for e in edges), reverse=True) == heaviest
    assert bp.page.get_by_text(f"Only the {EDGE_CAP:,} heaviest edges").count() == 1
    assert bp.page.evaluate("() => window.actorgraphState.updateParts.rebuilt") is True
