"""Time and reading aids in a real browser (issue 12): the actor's chart, the date window, the
PNG of the drawing, and a table row click that selects in the graph.

One server on an invented, dated statements file (six actors, statements spread over ten
weeks, so the date window runs over days).
"""
from __future__ import annotations

import datetime as dt
import io
import random
import sys
from pathlib import Path
from typing import Iterator

import pytest

from actorgraph import view
from actorgraph.graph import build_graph, statements_frame
from actorgraph.records import Statement

sys.path.insert(0, str(Path(__file__).resolve().parent))  # whatever pytest's import mode
from browser_support import (  # noqa: E402,F401  (fixtures are used by name)
    BrowserPage,
    StreamlitServer,
    browser_page,
    chromium_browser,
    click_node,
    node_page_point,
    open_drawn,
    panel_locator,
    statements_server,
    wait_app_idle,
)

pytestmark = pytest.mark.browser

ACTORS = ["Aland", "Borea", "Cyra", "Dova", "Elmar", "Fenwick"]


def dated_statements() -> list[Statement]:
    out = []
    rng = random.Random(12)
    for i in range(60):
        src, tgt = rng.sample(ACTORS, 2)
        supports = rng.random() < 0.6
        date = (dt.date(2020, 3, 1) + dt.timedelta(days=i)).isoformat()  # one statement a day
        quote = f"{src} {'backed' if supports else 'denounced'} {tgt} over the harbour deal number {i}."
        out.append(Statement(
            source=src, target=tgt, source_type="country", target_type="country",
            stance="supports" if supports else "opposes", sign=1 if supports else -1,
            relation="supports" if supports else "criticises", quote=quote, article_id=f"art{i}",
            title=f"Harbour report {i}", date=date, path=f"corpus/{i}.txt", url=None, sentence_index=0,
            start=0, end=len(quote), confidence=0.9,
        ))  # fmt: skip
    return out


@pytest.fixture(scope="module")
def dated_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    with statements_server(tmp_path_factory.mktemp("dated"), dated_statements()) as server:
        yield server


def metric_value(bp: BrowserPage, label: str) -> str:
    box = bp.page.get_by_test_id("stMetric").filter(has=bp.page.get_by_text(label, exact=True)).first
    return box.get_by_test_id("stMetricValue").inner_text().strip()


def test_selecting_an_actor_shows_its_chart_and_highlights_its_neighbours(
    dated_server: StreamlitServer, browser_page: BrowserPage
) -> None:
    bp = browser_page
    open_drawn(bp.page, dated_server)
    click_node(bp.page, "Cyra")
    chart = bp.page.locator(".st-key-actorgraph-chart")
    chart.locator("canvas, svg").first.wait_for(timeout=30_000)
    assert chart.bounding_box()["height"] > 100
    assert "Cyra" in panel_locator(bp.page).inner_text()
    # the drawing highlights Cyra and its neighbours, the rest is dimmed
    hl = bp.page.evaluate("() => window.actorgraphState.highlight()")
    assert hl == {"kind": "node", "id": "Cyra"}
    near = set(bp.page.evaluate("() => window.actorgraphNetwork.getConnectedNodes('Cyra')"))
    assert near and near < set(ACTORS)


def test_a_node_dragged_away_is_not_selected_and_a_tap_selects_once(
    dated_server: StreamlitServer, browser_page: BrowserPage
) -> None:
    """The release of a tap selects at once (before vis's own click); a press that moves
    further than a tap allows is a drag and selects nothing."""
    bp = browser_page
    open_drawn(bp.page, dated_server)
    bp.page.evaluate("() => window.actorgraphNetwork.stopSimulation()")
    x, y = node_page_point(bp.page, "Dova")
    bp.page.mouse.move(x, y)
    bp.page.mouse.down()
    bp.page.mouse.move(x + 40, y + 25, steps=5)
    bp.page.mouse.up()
    bp.page.wait_for_timeout(500)
    wait_app_idle(bp.page)
    assert bp.page.evaluate("() => window.actorgraphState.highlight()") is None
    assert "Dova" not in panel_locator(bp.page).inner_text()
    click_node(bp.page, "Dova")
    panel_locator(bp.page).get_by_text("Dova", exact=True).first.wait_for(timeout=30_000)
    wait_app_idle(bp.page)
    bp.page.wait_for_timeout(500)
    assert bp.page.evaluate("() => window.actorgraphState.highlight()") == {"kind": "node", "id": "Dova"}
    # answered at the release, and not again by vis's own click that follows it
    assert bp.page.evaluate("() => window.actorgraphState.selectsSent()") == 1


def test_moving_the_date_window_changes_the_counts(dated_server: StreamlitServer, browser_page: BrowserPage) -> None:
    bp = browser_page
    open_drawn(bp.page, dated_server)
    before = metric_value(bp, "Statements")
    assert before == "60"
    window = bp.page.locator('[role="group"][aria-label="Date window"]')
    thumbs = window.locator('input[type="range"]')
    assert thumbs.count() == 2, "the date window has two thumbs"
    ends = lambda: [thumbs.nth(i).get_attribute("aria-valuetext") for i in range(2)]  # noqa: E731
    assert ends() == ["2020-03-01", "2020-04-29"]
    # a click on the track at 60 % moves the nearer (upper) thumb there
    box = window.bounding_box()
    bp.page.mouse.click(box["x"] + box["width"] * 0.6, box["y"] + box["height"] / 2)
    bp.page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stMetric]')]"
        ".some(m => m.innerText.startsWith('Statements') && !/\\b60$/.test(m.innerText.trim()))",
        timeout=30_000,
    )  # fmt: skip
    wait_app_idle(bp.page)
    narrowed = ends()
    after = int(metric_value(bp, "Statements").replace(",", ""))
    want = sum(1 for s in dated_statements() if narrowed[0] <= s.date <= narrowed[1])
    assert 0 < after == want < 60
    # the step button moves the narrowed window one day later, keeping its width
    bp.page.get_by_role("button", name="▶").click()
    bp.page.wait_for_function("(old) => { const t = document.querySelectorAll("
                              "'[role=group][aria-label=\"Date window\"] input[type=range]');"
                              " return t.length === 2 && t[1].getAttribute('aria-valuetext') !== old; }",
                              arg=narrowed[1], timeout=30_000)  # fmt: skip
    wait_app_idle(bp.page)
    moved = ends()
    assert moved[0] > narrowed[0] and moved[1] > narrowed[1]
    want = sum(1 for s in dated_statements() if moved[0] <= s.date <= moved[1])
    assert int(metric_value(bp, "Statements").replace(",", "")) == want


def test_png_download_is_an_image_of_the_drawing(
    dated_server: StreamlitServer, browser_page: BrowserPage, tmp_path: Path
) -> None:
    from PIL import Image

    bp = browser_page
    open_drawn(bp.page, dated_server)
    with bp.page.expect_download(timeout=30_000) as info:
        bp.page.get_by_role("button", name="Download the current view as a PNG image").click()
    download = info.value
    assert download.suggested_filename.endswith(".png")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    img = Image.open(io.BytesIO(data)).convert("RGB")
    canvas = bp.page.locator('[data-testid="actorgraph-network"] canvas').first.bounding_box()
    assert abs(img.width - canvas["width"]) <= 2 and abs(img.height - canvas["height"]) <= 2
    colours = {c for _, c in img.getcolors(maxcolors=1 << 20)}
    # the node colour for countries is in the picture (the graph is drawn, not a blank canvas)
    want = tuple(int(view.TYPE_COLORS["country"][i : i + 2], 16) for i in (1, 3, 5))
    assert want in colours and (255, 255, 255) in colours
    # the SVG of the same view names every drawn actor shown with a label
    svg = bp.page.evaluate("() => window.actorgraphState.svgText()")
    assert svg.startswith("<svg") and svg.count("<circle") == len(ACTORS)


def test_table_row_click_selects_the_actor_in_the_graph(
    dated_server: StreamlitServer, browser_page: BrowserPage, tmp_path: Path
) -> None:
    bp = browser_page
    open_drawn(bp.page, dated_server)
    first = view.actors_table(build_graph(statements_frame(dated_statements())))["name"].iloc[0]
    bp.page.get_by_role("tab", name="Actors").click()
    grid = bp.page.locator(".st-key-tbl_actors [data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    # the row-marker column of the first data row (the header is one row high)
    bp.page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)
    bp.page.wait_for_function(
        "(id) => window.actorgraphNetwork && window.actorgraphNetwork.getSelectedNodes().includes(id)",
        arg=first, timeout=30_000,
    )  # fmt: skip
    panel_locator(bp.page).get_by_text(first, exact=True).first.wait_for(timeout=30_000)
