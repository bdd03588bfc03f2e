"""Curation in a real browser: merge two actors from the actor card, reload, undo."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import pytest
from store_fixtures import article, statements_of

from actorgraph.store import Store
from actorgraph.version import extractor_version

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser_support import (  # noqa: E402,F401  (fixtures are used by name)
    APP,
    BrowserPage,
    StreamlitServer,
    browser_page,
    chromium_browser,
    panel_locator,
    start_streamlit,
    wait_app_idle,
    wait_graph_stable,
)

pytestmark = pytest.mark.browser


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


def settle(bp: BrowserPage, server: StreamlitServer) -> None:
    try:
        wait_app_idle(bp.page)
        wait_graph_stable(bp.page)
    except Exception as exc:
        raise AssertionError(f"app did not draw: {exc}\n--- streamlit log ---\n{server.log()}") from None


def test_merge_in_the_ui_survives_a_reload_and_undo_splits_again(store_server, browser_page):
    bp, page = browser_page, browser_page.page
    page.goto(store_server.url + "?actor=Varga")  # the URL opens the actor card
    settle(bp, store_server)
    assert {"Varga", "Ada Varga"} <= node_ids(bp)
    panel = panel_locator(page)
    panel.get_by_text("Correct this actor").click()
    box = panel.get_by_test_id("stSelectbox").filter(has_text="Merge into")
    box.click()
    page.keyboard.type("Ada Varga")
    page.keyboard.press("Enter")
    panel.get_by_role("button", name="Merge", exact=True).click()
    wait_nodes(bp, present="Ada Varga", absent="Varga")
    assert "actor=Ada+Varga" in page.url or "actor=Ada%20Varga" in page.url

    page.reload()
    settle(bp, store_server)
    wait_nodes(bp, present="Ada Varga", absent="Varga")
    assert "Varga" not in node_ids(bp)

    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Corrections (1 in force)").click()
    sidebar.get_by_role("button", name="Undo", exact=True).click()
    wait_nodes(bp, present="Varga")
    assert {"Varga", "Ada Varga"} <= node_ids(bp)
