"""Hardening in a real browser: the path box and bare URLs (issue 9).

* The folder-path box reads only under ``ACTORGRAPH_DATA_ROOT``: a path outside is
  refused with one line, and nothing of the file (name, keys, text) reaches the page;
  a missing file outside gives the very same page.
* A bare URL in a quote or a title is text; only the article's own http(s) URL is a link.
"""
from __future__ import annotations

import json
import sys
import threading
from pathlib import Path
from typing import Callable, Iterator

import pytest

from actorgraph.paths import OUTSIDE_ROOTS
from actorgraph.readwrite.statements import write_jsonl
from actorgraph.records import Statement

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser_support import (  # noqa: E402
    APP,
    XSS_TRAP,
    BrowserPage,
    RequestRecorder,
    StreamlitServer,
    click_node,
    launch_chromium,
    panel_locator,
    start_streamlit,
    wait_app_idle,
    wait_graph_stable,
)

pytestmark = pytest.mark.browser

ARTICLE_URL = "https://news.example/borea-aland"
QUOTE = "Aland condemned Borea, see https://evil.example/x and www.evil.example or tips@evil.example today."
TITLE = "Aland and Borea http://evil.example/title"
SECRET = "TOPSECRET-4471"


def url_statements() -> list[Statement]:
    return [Statement(source="Aland", target="Borea", source_type="country", target_type="country", stance="opposes",
                      sign=-1, relation="condemns", quote=QUOTE, article_id="urls", title=TITLE, date="2016-02-12",
                      path="urls.txt", url=ARTICLE_URL, sentence_index=0, start=0, end=len(QUOTE), confidence=0.9)]


@pytest.fixture(scope="module")
def fenced(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[StreamlitServer, Path]]:
    folder = tmp_path_factory.mktemp("fenced")
    allowed = folder / "allowed"
    allowed.mkdir()
    outside = folder / "outside"
    outside.mkdir()
    (outside / "credentials.json").write_text(
        json.dumps([{"text": f"{SECRET} Aland condemned Borea.", "api_password": "hunter2"}]), encoding="utf-8"
    )
    with open(allowed / "statements.jsonl", "w", encoding="utf-8") as fh:
        write_jsonl(url_statements(), fh)
    server = start_streamlit(APP, env={"ACTORGRAPH_STATEMENTS": str(allowed / "statements.jsonl"),
                                       "ACTORGRAPH_DATA_ROOT": str(allowed)}, log_dir=folder)  # fmt: skip
    try:
        yield server, outside
    finally:
        server.stop()


def in_own_browser(test: Callable[[BrowserPage], None]) -> None:
    """Run ``test`` on a fresh page of a Chromium driven from a thread of its own.

    test_browser.py keeps a session-wide Playwright running in the main thread, and a
    second sync Playwright cannot start beside it there; in another thread it can.
    """
    from playwright.sync_api import sync_playwright

    failure: list[BaseException] = []

    def run() -> None:
        try:
            with sync_playwright() as pw:
                browser = launch_chromium(pw)
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                context.add_init_script(XSS_TRAP)
                recorder = RequestRecorder().attach(context)
                page = context.new_page()
                page.set_default_timeout(60_000)
                try:
                    test(BrowserPage(page, context, recorder, []))
                    assert not page.evaluate("() => window.__xssWhy || []")
                    assert not recorder.foreign(), recorder.foreign()
                finally:
                    browser.close()
        except BaseException as exc:  # handed to the test's own thread
            failure.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    if failure:
        raise failure[0]


def _open(bp: BrowserPage, server: StreamlitServer) -> None:
    bp.page.goto(server.url)
    wait_app_idle(bp.page)
    wait_graph_stable(bp.page)


def _add_path(bp: BrowserPage, path: str) -> str:
    box = bp.page.get_by_role("textbox", name="Add a folder or file on this machine")
    box.fill(path)
    box.press("Enter")
    wait_app_idle(bp.page)
    bp.page.get_by_role("button", name="Add path").click()
    bp.page.get_by_text(OUTSIDE_ROOTS.capitalize()).wait_for(timeout=30_000)
    wait_app_idle(bp.page)
    return bp.page.locator("body").inner_text()


def test_path_outside_the_data_roots_is_refused_and_shows_nothing(fenced: tuple[StreamlitServer, Path]) -> None:
    in_own_browser(lambda bp: _path_box(bp, *fenced))


def _path_box(bp: BrowserPage, server: StreamlitServer, outside: Path) -> None:
    _open(bp, server)
    drawn = "() => window.actorgraphNetwork.body.data.nodes.getIds()"
    before = set(bp.page.evaluate(drawn))
    pages = [_add_path(bp, str(outside / "credentials.json")), _add_path(bp, str(outside / "missing.json"))]
    for text in pages:
        for leak in (SECRET, "hunter2", "api_password", "credentials", "missing.json", str(outside)):
            assert leak not in text, f"{leak!r} reached the page"
    # an existing and a missing file give the same page: nothing tells which exists
    assert pages[0] == pages[1]
    assert "could not be read" not in pages[0] and "Added:" not in pages[0]
    assert "Aland" in before and set(bp.page.evaluate(drawn)) == before  # the corpus is still drawn, unchanged


def test_bare_urls_in_quote_and_title_are_text_only_the_article_url_links(fenced: tuple[StreamlitServer, Path]) -> None:
    in_own_browser(lambda bp: _links(bp, fenced[0]))


def _links(bp: BrowserPage, server: StreamlitServer) -> None:
    _open(bp, server)
    click_node(bp.page, "Aland")
    panel = panel_locator(bp.page)
    panel.get_by_text("Aland condemned Borea", exact=False).first.wait_for(timeout=30_000)
    text = panel.inner_text().replace("\u2060", "")  # the invisible word joiner that stops autolinks
    assert "https://evil.example/x" in text and "www.evil.example" in text and "tips@evil.example" in text
    assert "http://evil.example/title" in text
    hrefs = panel.locator("a[href]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    external = [h for h in hrefs if not h.startswith("#")]  # Streamlit's heading anchors are "#..."
    assert external == [ARTICLE_URL], hrefs
