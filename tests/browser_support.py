"""Real-browser harness: a Streamlit server on a free port and Debian's headless Chromium.

Shared by ``tests/test_browser.py``, ``benchmarks/bench_browser.py`` and
``scripts/screenshot.py`` (the last two put ``tests/`` on ``sys.path``), so the
test, the figures and the picture all see the app the same way.

Not a conftest: the fixtures are imported by name into the test module that
uses them, so no other test file pays for a browser.
"""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Sequence
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
SERVER_START_TIMEOUT = 60.0


# --------------------------------------------------------------------------- server


def free_port() -> int:
    """A localhost port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class StreamlitServer:
    """A running ``streamlit run``; ``log()`` is its stdout+stderr so far (for failure messages)."""

    proc: subprocess.Popen
    port: int
    log_path: Path
    url: str = field(init=False)

    def __post_init__(self) -> None:
        self.url = f"http://127.0.0.1:{self.port}/"

    def log(self, tail: int = 8000) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "<no server log>"
        return text[-tail:]

    def stop(self) -> None:
        """Kill the whole process group (Streamlit may have children), politely first."""
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        # Children left behind by a parent that died first.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
            return r.status == 200
    except (urllib.error.URLError, ConnectionError, OSError):
        return False


def start_streamlit(
    app: Path | str = APP,
    *,
    cwd: Path | str = ROOT,
    env: dict[str, str] | None = None,
    script_args: Sequence[str] = (),
    log_dir: Path | str | None = None,
    timeout: float = SERVER_START_TIMEOUT,
) -> StreamlitServer:
    """Start ``streamlit run app`` headless on a free localhost port; return once healthy.

    Raises RuntimeError with the server log if it exits or never answers.
    """
    port = free_port()
    log_dir = Path(log_dir) if log_dir else Path(tempfile.mkdtemp(prefix="actorgraph-st-"))
    log_path = log_dir / f"streamlit-{port}.log"
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
        "--server.runOnSave", "false",
    ]  # fmt: skip
    if script_args:
        cmd += ["--", *script_args]
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            cmd, cwd=str(cwd), env=full_env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
    server = StreamlitServer(proc, port, log_path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{server.log()}")
        if _healthy(port):
            return server
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"streamlit did not answer /_stcore/health within {timeout:.0f}s:\n{server.log()}")


@contextlib.contextmanager
def statements_server(folder: Path, statements: Sequence[Any]) -> Iterator[StreamlitServer]:
    """The app on these statements (written as JSON lines in ``folder``), stopped afterwards."""
    from actorgraph.readwrite.statements import write_jsonl

    path = Path(folder) / "statements.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        write_jsonl(statements, fh)
    server = start_streamlit(APP, env={"ACTORGRAPH_STATEMENTS": str(path)}, log_dir=folder)
    try:
        yield server
    finally:
        server.stop()


# --------------------------------------------------------------------------- browser


def require_chromium() -> str:
    """Debian's chromium, or a clear failure: Playwright's own browser download is not used."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"{CHROMIUM} not found: the browser tests need Debian's chromium "
            "(`apt-get install chromium`; scripts/test.sh installs it)",
            pytrace=False,
        )
    return CHROMIUM


def launch_chromium(playwright: Any, **kwargs: Any) -> Any:
    """Headless Chromium from /usr/bin with background networking off."""
    require_chromium()
    return playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=list(CHROMIUM_ARGS), **kwargs
    )


def is_local(url: str) -> bool:
    """True for URLs that stay on this machine (data:/blob:/about: carry no host)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-error", "javascript"):
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


class RequestRecorder:
    """Every URL the browser asked for in a context, web sockets included."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def attach(self, context: Any) -> "RequestRecorder":
        context.on("request", lambda req: self.urls.append(req.url))
        context.on("page", self._watch_page)
        for page in context.pages:
            self._watch_page(page)
        return self

    def _watch_page(self, page: Any) -> None:
        page.on("websocket", lambda ws: self.urls.append(ws.url))

    def foreign(self) -> list[str]:
        return [u for u in self.urls if not is_local(u)]


# The init script runs before any page script: any alert/confirm/prompt, or an
# onerror handler that a payload smuggled into the DOM, sets window.__xss.
XSS_TRAP = """
(() => {
  window.__xss = false;
  window.__xssWhy = [];
  const flag = (why) => { window.__xss = true; window.__xssWhy.push(why); };
  for (const name of ['alert', 'confirm', 'prompt']) {
    const original = window[name].bind(window);
    window[name] = (...args) => { flag(name + ':' + String(args[0])); return original(...args); };
  }
  // Markup that reached the DOM as markup: an element carrying an inline
  // handler, a script with the payload, or a javascript: link.
  const inspect = (el) => {
    if (!(el instanceof Element)) return;
    for (const e of [el, ...el.querySelectorAll('*')]) {
      for (const attr of e.getAttributeNames()) {
        if (attr.startsWith('on')) flag('handler ' + attr + ' on <' + e.tagName.toLowerCase() + '>');
      }
      if (e.tagName === 'SCRIPT' && /alert\\(/.test(e.textContent || '')) flag('script element');
      const href = e.getAttribute('href') || '';
      if (/^\\s*javascript:/i.test(href)) flag('javascript: link');
    }
  };
  new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach(inspect);
  }).observe(document, { childList: true, subtree: true });
})();
"""


# --------------------------------------------------------------------------- app helpers


def wait_app_idle(page: Any, timeout: float = 90_000) -> None:
    """Until Streamlit has run the script to the end (no "Running..." widget)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_function(
        """() => {
          const app = document.querySelector('[data-testid="stApp"]');
          if (!app) return false;
          const s = app.getAttribute('data-test-script-state');
          return s === 'notRunning' && !document.querySelector('[data-testid="stStatusWidget"] [data-testid="stStatusWidgetRunningIcon"]');
        }""",
        timeout=timeout,
    )


GRAPH_SELECTOR = '[data-testid="actorgraph-network"]'


def wait_graph_stable(page: Any, timeout: float = 90_000) -> None:
    """Until the network component is drawn and its physics has settled.

    The component marks its container ``data-stable="true"`` and publishes the
    live vis Network as ``window.actorgraphNetwork``.
    """
    page.wait_for_function(
        """(sel) => {
          const box = document.querySelector(sel);
          return !!(box && box.dataset.stable === 'true' && window.actorgraphNetwork
                    && box.querySelector('canvas'));
        }""",
        arg=GRAPH_SELECTOR,
        timeout=timeout,
    )


def open_drawn(page: Any, server: "StreamlitServer") -> None:
    """Load the app and wait for its drawing; the server's log in the error if it never draws."""
    page.goto(server.url)
    try:
        wait_app_idle(page)
        wait_graph_stable(page)
    except Exception as exc:
        raise AssertionError(f"app did not draw: {exc}\n--- streamlit log ---\n{server.log()}") from None


PANEL_KEY_SELECTOR = ".st-key-actorgraph-panel"
PANEL_FALLBACK_SELECTOR = (
    '[data-testid="stHorizontalBlock"]:has([data-testid="actorgraph-network"])'
    ' > [data-testid="stColumn"]:not(:has([data-testid="actorgraph-network"]))'
)


def panel_locator(page: Any) -> Any:
    """The evidence panel: the keyed container if the app names it, else the column beside the graph."""
    keyed = page.locator(PANEL_KEY_SELECTOR)
    if keyed.count():
        return keyed.first
    return page.locator(PANEL_FALLBACK_SELECTOR).first


#: An in-page clock for benchmarks (``context.add_init_script``): the time of the last
#: pointerdown (not mousedown: a slider cancels the pointerdown, and with it the mousedown),
#: then of the first quote in the evidence panel and of the script's end after it, on the
#: page's own clock (``performance.now()``, as ``actorgraphState.stableAt``). What the user
#: waits for starts at their click; the harness's own steps before it (finding the element,
#: waiting for it to be still, the CDP round trip) are not theirs.
CLOCK_JS = """
(() => {
  const clock = window.actorgraphClock = { down: null, ran: false, quote: null, idle: null };
  document.addEventListener("pointerdown", () => {
    Object.assign(clock, { down: performance.now(), ran: false, quote: null, idle: null });
  }, true);
  const seen = () => {
    if (clock.down == null) return;
    const now = performance.now();
    if (clock.quote == null && document.querySelector('%(panel)s blockquote')) clock.quote = now;
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app && app.getAttribute("data-test-script-state");
    if (state === "running") clock.ran = true;
    else if (clock.ran && clock.idle == null && state === "notRunning") clock.idle = now;
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true,
                                                 attributeFilter: ["data-test-script-state"] });
})();
""" % {"panel": PANEL_KEY_SELECTOR}


def clock(page: Any) -> dict[str, Any]:
    """``CLOCK_JS``'s times, and the drawing's last ``stableAt``, in ms after the last pointerdown."""
    return page.evaluate(
        """() => {
          const c = window.actorgraphClock, s = window.actorgraphState;
          const after = (t) => (t == null || c.down == null ? null : t - c.down);
          return { quote: after(c.quote), idle: after(c.idle), stable: after(s && s.stableAt) };
        }"""
    )


def node_page_point(page: Any, node_id: str) -> tuple[float, float]:
    """Page coordinates of a node's centre: vis canvas -> DOM (canvas-relative) + canvas box.

    The component is mounted in the app's own document; if it ever moves into
    an iframe, the iframe's box is added as well.
    """
    found = page.evaluate(
        """(id) => {
          const net = window.actorgraphNetwork;
          if (!net) return null;
          const pos = net.getPosition(id);
          const dom = net.canvasToDOM(pos);
          const canvas = net.body.container.querySelector('canvas');
          const box = canvas.getBoundingClientRect();
          return {x: dom.x, y: dom.y, left: box.left, top: box.top, w: box.width, h: box.height};
        }""",
        node_id,
    )
    if found is None:
        raise AssertionError("window.actorgraphNetwork is not defined")
    x, y = found["left"] + found["x"], found["top"] + found["y"]
    if not (found["left"] <= x <= found["left"] + found["w"] and found["top"] <= y <= found["top"] + found["h"]):
        raise AssertionError(f"node {node_id!r} is drawn outside the canvas: {found}")
    return x, y


def click_node(page: Any, node_id: str) -> None:
    """Click a node where it is drawn, as a user would (mouse, not network.selectNodes)."""
    # Physics is off once stable, but a fit/zoom could still be animating.
    page.evaluate("() => window.actorgraphNetwork && window.actorgraphNetwork.stopSimulation()")
    x, y = node_page_point(page, node_id)
    page.mouse.move(x, y)
    page.mouse.click(x, y)


# --------------------------------------------------------------------------- fixtures


_SESSION_BROWSER: list[Any] = []


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[Any]:
    """One Chromium for the whole run: every test module that imports this fixture gets its own
    session fixture, and a second sync Playwright cannot start while the first one runs."""
    from playwright.sync_api import sync_playwright

    if _SESSION_BROWSER:
        yield _SESSION_BROWSER[0]
        return
    require_chromium()
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        _SESSION_BROWSER.append(browser)
        try:
            yield browser
        finally:
            _SESSION_BROWSER.clear()
            browser.close()


@pytest.fixture(scope="module")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """The real app on the bundled corpus, one server per test module."""
    if not APP.exists():
        pytest.fail(f"{APP} is missing", pytrace=False)
    folder = tmp_path_factory.mktemp("streamlit")  # its own store: the bundled corpus goes in on first run
    server = start_streamlit(APP, env={"ACTORGRAPH_DB": str(folder / "actorgraph.db")}, log_dir=folder)
    try:
        yield server
    finally:
        server.stop()


@dataclass
class BrowserPage:
    """A fresh page with its request recorder and the dialogs it raised."""

    page: Any
    context: Any
    requests: RequestRecorder
    dialogs: list[str]


@pytest.fixture
def browser_page(chromium_browser: Any) -> Iterator[BrowserPage]:
    context = chromium_browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    context.add_init_script(XSS_TRAP)
    recorder = RequestRecorder().attach(context)
    dialogs: list[str] = []
    page = context.new_page()
    page.set_default_timeout(60_000)

    def on_dialog(d: Any) -> None:
        dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("dialog", on_dialog)
    try:
        yield BrowserPage(page, context, recorder, dialogs)
    finally:
        context.close()
