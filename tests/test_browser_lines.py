"""The lines of a big drawing, drawn by the component itself (issue 14): vis holds only the
actors, yet every line is painted, shows its tooltip, selects its edge on a click, and a view
small enough for vis's physics hands the lines back to vis.

One server on invented statements: six hubs and 180 small actors around them, so positions come
from Python and the drawing is big.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

from actorgraph import view
from actorgraph.records import Statement

sys.path.insert(0, str(Path(__file__).resolve().parent))  # whatever pytest's import mode
from browser_support import (  # noqa: E402,F401  (fixtures are used by name)
    BrowserPage,
    StreamlitServer,
    browser_page,
    chromium_browser,
    open_drawn,
    panel_locator,
    statements_server,
    wait_app_idle,
    wait_graph_stable,
)

pytestmark = pytest.mark.browser

N = 180


def statement(src: str, tgt: str, stance: str, i: int) -> Statement:
    quote = f"{src} {'welcomed' if stance == 'supports' else 'condemned'} {tgt} at summit {i}."
    return Statement(
        source=src, target=tgt, source_type="country", target_type="country", stance=stance,
        sign=1 if stance == "supports" else -1, relation=stance, quote=quote, article_id=f"a{i}",
        title=f"Summit {i}", date="2021-05-01", path=f"ring/{i}.txt", url=None, sentence_index=0,
        start=0, end=len(quote), confidence=0.9,
    )  # fmt: skip


def ring() -> list[Statement]:
    """Six hubs that back the next hub (twenty times each), and N small actors that each back or
    oppose one hub once: small dots on long lines."""
    hubs = [f"Hubland {h}" for h in range(6)]
    out = [statement(hubs[h], hubs[(h + 1) % 6], "supports", 1000 * h + k) for h in range(6) for k in range(20)]
    out += [statement(f"Ringland {i:03d}", hubs[i % 6], ("supports", "opposes")[i % 2], i) for i in range(N)]
    return out


@pytest.fixture(scope="module")
def ring_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    with statements_server(tmp_path_factory.mktemp("ring"), ring()) as server:
        yield server


# A line whose middle is clear of every actor and of every other line (page coordinates), with
# the colour of the canvas pixel there as seen on the page's white (the canvas is transparent).
CLEAR_LINE_JS = """() => {
  const net = window.actorgraphNetwork, s = window.actorgraphState;
  const canvas = net.body.container.querySelector('canvas');
  const box = canvas.getBoundingClientRect();
  const pos = net.getPositions(), scale = net.getScale(), edges = s.edges.get();
  const dist = (px, py, a, b) => {
    const dx = b.x - a.x, dy = b.y - a.y;
    const t = Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / (dx * dx + dy * dy || 1)));
    return Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy));
  };
  for (const e of edges) {
    const a = pos[e.from], b = pos[e.to];
    const m = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const d = net.canvasToDOM(m);
    if (d.x < 30 || d.y < 30 || d.x > box.width - 30 || d.y > box.height - 80) continue;
    if (net.getNodeAt(d) !== undefined) continue;
    const size = (id) => (s.nodes.get(id).size || 10) * scale;
    if (Object.keys(pos).some((id) => Math.hypot(pos[id].x - m.x, pos[id].y - m.y) * scale < size(id) + 12)) continue;
    if (!edges.every((o) => o === e || dist(m.x, m.y, pos[o.from], pos[o.to]) * scale > 10)) continue;
    const ratio = canvas.width / box.width;
    const px = canvas.getContext('2d').getImageData(Math.round(d.x * ratio) - 3, Math.round(d.y * ratio) - 3, 7, 7).data;
    let most = 0;  // the most opaque pixel of the 7 x 7 around the middle, on white
    for (let i = 3; i < px.length; i += 4) if (px[i] > px[most + 3]) most = i - 3;
    return { id: e.id, from: e.from, to: e.to, stance: e.stance, title: e.title, color: e.color.color,
             x: box.left + d.x, y: box.top + d.y,
             pixel: [0, 1, 2].map((i) => Math.round(px[most + i] * px[most + 3] / 255 + 255 * (1 - px[most + 3] / 255))) };
  }
  return null;
}"""


def hex_rgb(color: str) -> tuple[int, ...]:
    return tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))


def clear_line(page: Any) -> dict[str, Any]:
    for scale in (1.0, 2.0, 4.0):  # zoomed in on one actor until a line's middle stands clear
        page.evaluate("""(scale) => {
          const net = window.actorgraphNetwork;
          net.moveTo({ position: net.getPosition('Hubland 0'), scale, animation: false });
          net.redraw();
        }""", scale)  # fmt: skip
        page.wait_for_timeout(200)
        line = page.evaluate(CLEAR_LINE_JS)
        if line:
            return line
    raise AssertionError("no line with a clear middle in the drawing")


def test_a_big_drawing_paints_its_lines_itself_with_tooltips_and_clicks(
    ring_server: StreamlitServer, browser_page: BrowserPage
) -> None:
    page = browser_page.page
    open_drawn(page, ring_server)
    held = page.evaluate("() => [window.actorgraphNetwork.body.data.edges.length, window.actorgraphState.edges.length]")
    assert held == [0, N + 6], "vis holds the actors only; every line is the component's"
    line = clear_line(page)
    # the line is painted: its pixel is nearer its stance's colour than the other's, a label's or white
    far = lambda rgb: sum(abs(p - c) for p, c in zip(line["pixel"], rgb))  # noqa: E731
    others = [hex_rgb(c) for c in view.STANCE_COLORS.values() if c != line["color"]] + [(31, 31, 31), (255, 255, 255)]
    assert all(far(hex_rgb(line["color"])) < far(other) for other in others), line
    # its tooltip, as text
    page.mouse.move(line["x"] - 3, line["y"])
    page.mouse.move(line["x"], line["y"])
    tip = page.locator("div.actorgraph-tip")
    tip.wait_for(state="visible", timeout=10_000)
    assert tip.inner_text().strip() == line["title"].strip()
    assert tip.inner_text().startswith(f"{line['from']} {line['stance']} {line['to']}")
    # a click on it selects the edge: highlighted at once, its quotes in the panel
    page.mouse.click(line["x"], line["y"])
    page.wait_for_function("() => { const h = window.actorgraphState.highlight(); return h && h.kind === 'edge'; }",
                           timeout=10_000)  # fmt: skip
    assert page.evaluate("() => window.actorgraphState.highlight()") == {"kind": "edge", "id": line["id"]}
    panel = panel_locator(page)
    panel.locator("blockquote").first.wait_for(timeout=30_000)
    assert line["from"] in panel.inner_text() and line["to"] in panel.inner_text()


def search(page: Any, text: str) -> list[int]:
    """Type ``text`` in *Search actors*; once redrawn, [edges vis holds, lines of the drawing]."""
    version = page.evaluate("() => window.actorgraphState.version")
    page.get_by_label("Search actors").fill(text)
    page.get_by_label("Search actors").press("Enter")
    page.wait_for_function("(v) => window.actorgraphState && window.actorgraphState.version !== v",
                           arg=version, timeout=30_000)  # fmt: skip
    wait_app_idle(page)
    wait_graph_stable(page)
    return page.evaluate("() => [window.actorgraphNetwork.body.data.edges.length, window.actorgraphState.edges.length]")


def test_a_view_small_enough_for_physics_gives_the_lines_back_to_vis(
    ring_server: StreamlitServer, browser_page: BrowserPage
) -> None:
    page = browser_page.page
    open_drawn(page, ring_server)
    assert page.evaluate("() => window.actorgraphNetwork.body.data.edges.length") == 0
    held = search(page, "Ringland 01")  # ten small actors
    assert held[0] == held[1] > 0, "a physics drawing has vis's own edges"
    assert search(page, "") == [0, N + 6]  # the whole ring again: back to the lines drawn here
    assert clear_line(page)["pixel"] != [255, 255, 255]
