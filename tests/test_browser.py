"""The explorer in a real browser: Debian's headless Chromium against ``streamlit run app.py``.

What only a browser can show: that a click on a drawn node reaches Python and
brings back its quotes, that the GraphML download is a file networkx reads,
that article text full of markup stays text (no script runs, no dialog opens,
no element with an inline handler appears), and that nothing is fetched from
outside localhost.

Two servers: the app on its bundled corpus (the user's first view), and the
app on a hostile statements file (actor names, titles, quotes and URLs made of
payloads), which needs no extraction.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterator

import networkx as nx
import pytest

from actorgraph.records import Statement

sys.path.insert(0, str(Path(__file__).resolve().parent))  # whatever pytest's import mode
from browser_support import (  # noqa: E402,F401  (fixtures are used by name)
    APP,
    BrowserPage,
    StreamlitServer,
    app_server,
    browser_page,
    chromium_browser,
    click_node,
    node_page_point,
    panel_locator,
    start_streamlit,
    statements_server,
    wait_app_idle,
    wait_graph_stable,
)

pytestmark = pytest.mark.browser

ASSAD = "Bashar al-Assad"
ASSAD_QUOTE = "Russia has supported Assad since the civil war erupted in Syria in 2011."

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"
JS_LINK = "[read more](javascript:alert(1))"
JS_URL = "javascript:alert(1)"


def assert_quiet(bp: BrowserPage, server: StreamlitServer | None = None) -> None:
    """No script ran from article text and no request left the machine."""
    why = bp.page.evaluate("() => window.__xssWhy || []")
    assert not why, f"article text ran as code: {why}"
    assert not bp.dialogs, f"dialogs opened: {bp.dialogs}"
    foreign = bp.requests.foreign()
    assert not foreign, f"requests left localhost: {foreign}"
    # <img src=x> would fetch /x from the app's own host: local, but proof of markup.
    stray = [u for u in bp.requests.urls if u.rstrip("/").endswith("/x")]
    assert not stray, f"an injected <img src=x> was loaded: {stray}"
    # the app and its web socket were really seen, so the recorder was working
    assert any(u.startswith("ws://127.0.0.1") for u in bp.requests.urls), bp.requests.urls[:20]


def open_app(bp: BrowserPage, server: StreamlitServer) -> None:
    bp.page.goto(server.url)
    try:
        wait_app_idle(bp.page)
        wait_graph_stable(bp.page)
    except Exception as exc:  # the server's log says why the app never drew
        raise AssertionError(f"app did not draw: {exc}\n--- streamlit log ---\n{server.log()}") from None


def drawn_node_ids(bp: BrowserPage) -> list[str]:
    return bp.page.evaluate("() => window.actorgraphNetwork.body.data.nodes.getIds()")


def test_harness_catches_markup_and_foreign_requests(browser_page: BrowserPage) -> None:
    """The traps the other tests rely on do fire: a payload inserted as markup, a request outside."""
    bp = browser_page
    bp.page.route("http://example.invalid/**", lambda route: route.fulfill(body="ok"))
    bp.page.set_content("<p>empty</p>")
    assert bp.page.evaluate("() => window.__xss") is False
    bp.page.evaluate("(html) => { document.body.insertAdjacentHTML('beforeend', html); }", IMG)
    bp.page.wait_for_function("() => window.__xss === true", timeout=5_000)
    bp.page.evaluate("() => alert('probe')")
    assert any("probe" in d for d in bp.dialogs)
    bp.page.evaluate("() => fetch('http://example.invalid/ping').then((r) => r.text())")
    assert bp.requests.foreign() == ["http://example.invalid/ping"]


# --------------------------------------------------------------------------- bundled corpus


def test_click_assad_shows_his_quotes(app_server: StreamlitServer, browser_page: BrowserPage) -> None:
    bp = browser_page
    open_app(bp, app_server)
    ids = drawn_node_ids(bp)
    assert ASSAD in ids, f"{ASSAD!r} not drawn; drawn: {ids}"
    panel = panel_locator(bp.page)
    assert ASSAD_QUOTE not in panel.inner_text(), "quote shown before any click"
    click_node(bp.page, ASSAD)
    panel.get_by_text(ASSAD_QUOTE, exact=False).first.wait_for(timeout=30_000)
    # the click selected the node in the drawing too (Python sent the selection back)
    bp.page.wait_for_function(
        "(id) => window.actorgraphNetwork.getSelectedNodes().includes(id)", arg=ASSAD, timeout=10_000
    )
    assert ASSAD in panel.inner_text()
    assert_quiet(bp, app_server)


def test_graphml_download_reads_in_networkx(
    app_server: StreamlitServer, browser_page: BrowserPage, tmp_path: Path
) -> None:
    bp = browser_page
    open_app(bp, app_server)
    drawn = set(drawn_node_ids(bp))
    bp.page.get_by_role("tab", name="Downloads").click()
    button = bp.page.get_by_role("button", name="GraphML, whole graph")
    with bp.page.expect_download(timeout=30_000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename.endswith(".graphml")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    G = nx.read_graphml(path, force_multigraph=True)
    assert G.is_directed()
    assert drawn <= set(G.nodes), f"drawn but not exported: {drawn - set(G.nodes)}"
    assert G.number_of_edges() > 0
    stances = {d.get("stance") for *_, d in G.edges(data=True)}
    assert stances <= {"supports", "opposes"} and stances, stances
    assert ASSAD in G and any(d.get("stance") == "supports" for *_, d in G.in_edges(ASSAD, data=True))
    assert_quiet(bp, app_server)


def hostile_article() -> dict[str, str]:
    """An article whose title, URL and body are script payloads around a plain stance sentence."""
    return {
        "title": f"{SCRIPT} Ceasefire {IMG} talks {JS_LINK}",
        "url": JS_URL,
        "date": "2016-02-12",
        "text": (
            f"{SCRIPT}{IMG} Diplomats met in Munich on Friday. "
            f"Turkey strongly condemned Russia for the bombing of Aleppo {IMG}. "
            f'Officials <a href="{JS_URL}">said</a> more talks would follow {JS_LINK}. {IMG}'
        ),
    }


def test_uploaded_article_with_script_payloads_stays_text(
    app_server: StreamlitServer, browser_page: BrowserPage, tmp_path: Path
) -> None:
    bp = browser_page
    open_app(bp, app_server)
    upload = tmp_path / "hostile.jsonl"
    upload.write_text(json.dumps(hostile_article()) + "\n", encoding="utf-8")
    bp.page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(upload))
    bp.page.get_by_test_id("stFileChip").first.wait_for(timeout=30_000)
    try:
        bp.page.wait_for_function("() => window.actorgraphNetwork.body.data.nodes.get('Turkey') !== null",
                                  timeout=60_000)  # fmt: skip
    except Exception:
        raise AssertionError(
            "the uploaded article produced no 'Turkey' node\n--- streamlit log ---\n" + app_server.log()
        ) from None
    wait_app_idle(bp.page)
    wait_graph_stable(bp.page)
    click_node(bp.page, "Turkey")
    panel = panel_locator(bp.page)
    panel.get_by_text("strongly condemned Russia", exact=False).first.wait_for(timeout=30_000)
    # the title, payloads and all, is shown as text under the quote (its caption comes as its own
    # element, a moment after the quote); its javascript: URL is no link
    panel.get_by_text(SCRIPT, exact=False).first.wait_for(timeout=30_000)
    text = panel.inner_text()
    assert SCRIPT in text and IMG in text, text
    assert panel.locator("a[href^='javascript' i]").count() == 0
    # statements table: a canvas grid whose accessible cells exist only for rows in view
    table = bp.page.get_by_test_id("stDataFrame").first
    table.scroll_into_view_if_needed()
    table.hover()
    bp.page.mouse.wheel(0, 20_000)
    cell = table.get_by_text("strongly condemned Russia", exact=False).first
    cell.wait_for(state="attached", timeout=10_000)
    assert cell.evaluate("e => e.children.length") == 0
    assert_quiet(bp, app_server)


# --------------------------------------------------------------------------- hostile statements


def hostile_statements() -> list[Statement]:
    """Statements whose actor, title, quote and URL are payloads (as a hostile file could hold)."""
    title = f"{SCRIPT} Border clashes {JS_LINK}"

    def st(source: str, stype: str, stance: str, target: str, quote: str, i: int) -> Statement:
        return Statement(
            source=source, target=target, source_type=stype, target_type="country", stance=stance,
            sign=1 if stance == "supports" else -1, relation="attacks" if stance == "opposes" else "praises",
            quote=quote, article_id="hostile", title=title, date="2016-02-12", path=None, url=JS_URL,
            sentence_index=i, start=0, end=len(quote), confidence=0.9, cue="",
        )  # fmt: skip

    return [
        st(IMG, "group", "opposes", "Borea", f"The {IMG} militia attacked Borea {SCRIPT} near the river.", 0),
        st("Aland", "country", "supports", "Borea", f"Aland praised Borea {JS_LINK} for its restraint.", 1),
    ]


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    with statements_server(tmp_path_factory.mktemp("hostile"), hostile_statements()) as server:
        yield server


def test_payload_actor_shows_as_text_in_tooltip_panel_and_table(
    hostile_server: StreamlitServer, browser_page: BrowserPage
) -> None:
    bp = browser_page
    open_app(bp, hostile_server)
    assert IMG in drawn_node_ids(bp)
    # tooltip: hover the node, vis shows its title as text
    x, y = node_page_point(bp.page, IMG)
    bp.page.mouse.move(x - 3, y - 3)
    bp.page.mouse.move(x, y, steps=3)
    tip = bp.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=10_000)
    assert IMG in tip.inner_text()
    assert tip.locator("img, script, a").count() == 0
    # panel: the actor's name, its quote and the article title, all as text
    click_node(bp.page, IMG)
    panel = panel_locator(bp.page)
    panel.get_by_text("militia attacked Borea", exact=False).first.wait_for(timeout=30_000)
    text = panel.inner_text()
    assert IMG in text and SCRIPT in text and "Border clashes" in text, text
    assert panel.locator("img[src='x'], script, a[href^='javascript' i]").count() == 0
    # statements table (canvas grid; its accessible cells hold the text)
    table = bp.page.get_by_test_id("stDataFrame").first
    cell = table.get_by_text(f"The {IMG} militia", exact=False).first
    cell.wait_for(state="attached", timeout=10_000)
    assert cell.evaluate("e => e.children.length") == 0
    assert_quiet(bp, hostile_server)


# --------------------------------------------------------------------------- curation on a store (issue 11)


from store_fixtures import article, statements_of  # noqa: E402  (tests/ is on sys.path above)

from actorgraph.store import Store  # noqa: E402
from actorgraph.version import extractor_version  # noqa: E402


@pytest.fixture(scope="module")
def store_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    folder = tmp_path_factory.mktemp("store-app")
    store = Store(folder / "curate.db")
    arts = [article(i) for i in range(3)]
    store.add_extracted([(a, statements_of(a)) for a in arts], extractor_version())
    server = start_streamlit(APP, env={"ACTORGRAPH_DB": store.path}, log_dir=folder)
    try:
        yield server
    finally:
        server.stop()


def node_ids(bp: BrowserPage) -> set[str]:
    return set(bp.page.evaluate("() => window.actorgraphNetwork.body.data.nodes.getIds()"))


def wait_nodes(bp: BrowserPage, present: str | None = None, absent: str | None = None) -> None:
    bp.page.wait_for_function(
        """([p, a]) => { const n = window.actorgraphNetwork; if (!n) return false;
             const ids = n.body.data.nodes.getIds();
             return (!p || ids.includes(p)) && (!a || !ids.includes(a)); }""",
        arg=[present, absent], timeout=60_000,
    )


def settle_store_app(bp: BrowserPage, server: StreamlitServer) -> None:
    try:
        wait_app_idle(bp.page)
        wait_graph_stable(bp.page)
    except Exception as exc:
        raise AssertionError(f"app did not draw: {exc}\n--- streamlit log ---\n{server.log()}") from None


def test_merge_in_the_ui_survives_a_reload_and_undo_splits_again(store_server, browser_page):
    bp, page = browser_page, browser_page.page
    page.goto(store_server.url + "?actor=Adka%20Varga")  # the URL opens the actor card
    settle_store_app(bp, store_server)
    assert {"Adka Varga", "Ada Varga"} <= node_ids(bp)
    panel = panel_locator(page)
    panel.get_by_text("Correct this actor").click()
    box = panel.get_by_test_id("stSelectbox").filter(has_text="Merge into")
    field = box.locator("input")
    option = page.get_by_role("option", name="Ada Varga", exact=True)
    for attempt in range(4):  # a rerun just after the page settles can close the list: choose again
        wait_app_idle(page)
        field.click()
        field.fill("Ada Varga")
        try:
            option.click(timeout=10_000)  # chosen, not only typed
            break
        except Exception:
            if attempt == 3:
                raise
            page.keyboard.press("Escape")
    wait_app_idle(page)
    panel.get_by_role("button", name="Merge", exact=True).click()
    wait_nodes(bp, present="Ada Varga", absent="Adka Varga")
    assert "actor=Ada+Varga" in page.url or "actor=Ada%20Varga" in page.url

    page.reload()
    settle_store_app(bp, store_server)
    wait_nodes(bp, present="Ada Varga", absent="Adka Varga")
    assert "Adka Varga" not in node_ids(bp)

    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Corrections (1 in force)").click()
    sidebar.get_by_role("button", name="Undo", exact=True).click()
    wait_nodes(bp, present="Adka Varga")
    assert {"Adka Varga", "Ada Varga"} <= node_ids(bp)
