"""The app at scale, through a real server and headless Chromium (issue 14).

    python benchmarks/bench_app.py                          # both parts below, default sizes
    python benchmarks/bench_app.py --articles 1000 --processes 1 2 --statements 50000
    python benchmarks/bench_app.py --articles 10000 --processes 2 --statements 0   # memory at 10,000

1. **Articles to first drawing.** ``--articles`` N articles are written to a
   temporary folder (the texts of ``../shared/eval`` read at run time, or
   ``$ACTORGRAPH_EVAL``; when N is larger, each text again with a numbered
   last line, so every article is new to the extractor), the app is started on
   them (``ACTORGRAPH_DATA``) with ``ACTORGRAPH_PROCESSES`` = each of
   ``--processes``, and the time from navigation to a stable drawing is
   measured. Nothing of the evaluation texts is written outside the temporary
   folder.
2. **Filter change at ``--statements`` synthetic statements** (as
   ``bench_filters.py`` makes them, given to the app as a statements file):
   bytes the browser receives over the websocket for the first drawing, then
   the time and bytes of one filter change (choosing *supports* in *Stance*):
   from the click until the counts above the graph change and the script has
   finished, then until the new drawing is in the browser's vis DataSets and
   stable (what the user waits for), timed also in the page from the click's pointerdown
   (``browser_support.CLOCK_JS``: Playwright's own steps before the click, about 0.1 s, left
   out); the server's CPU seconds for the change and
   the component's own update time in the browser (``actorgraphState.updateMs``).

   ``--ingest-chunk`` sets ``ACTORGRAPH_INGEST_CHUNK`` (default: the app's own, a
   first drawing after 64 articles and chunks growing after it); the time to the
   first stable drawing and to the drawing of every article are both reported.

For every run the server's peak resident memory (``VmHWM``) is reported, and, sampled
every 0.2 s from ``/proc/PID/smaps_rollup``, the peaks of the server's PSS and of the RSS
and PSS summed over the server and its children (fork server, workers): RSS counts the
model pages the workers share copy-on-write with the fork server once per process, PSS
shares them out, so the PSS sum is the honest total. Also the CPU seconds of the server
and of its children (sampled), and the most one child held.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from browser_support import APP, CLOCK_JS, clock, launch_chromium, start_streamlit, wait_app_idle, wait_graph_stable  # noqa: E402

EVAL = Path(os.environ.get("ACTORGRAPH_EVAL") or ROOT.parent / "shared" / "eval")
MB = 2**20


def eval_texts() -> list[str]:
    """Article files of the evaluation sets, read now (never copied into the repository)."""
    files = sorted(p for d in ("dev", "seesaw_valid", "seesaw_train", "dse_valid")
                   for p in (EVAL / d / "articles").glob("*.txt"))  # fmt: skip
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    return texts or [(ROOT / "data" / "articles").glob("*.txt").__next__().read_text(encoding="utf-8")]


def write_articles(folder: Path, n: int) -> int:
    """N article files from the evaluation texts (repeated with a numbered last line); returns
    how many distinct texts there were (1: the bundled article, when no evaluation folder)."""
    texts = eval_texts()
    for i in range(n):
        text = texts[i % len(texts)]
        if i >= len(texts):
            text = f"{text.rstrip()}\n\nCopy {i // len(texts)}.\n"
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
    return len(texts)


def smaps(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in bytes, from ``/proc/PID/smaps_rollup``. PSS shares each page
    among the processes mapping it, so the PSS of a server and its forked workers adds up to the
    memory they really use; their RSS sum counts every copy-on-write page shared with the fork
    server once per process."""
    rss = pss = 0
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("Rss:"):
                rss = int(line.split()[1]) * 1024
            elif line.startswith("Pss:"):
                pss = int(line.split()[1]) * 1024
    return rss, pss


class MemoryWatch:
    """Peak memory of a process and its children (fork server, workers), sampled in a thread:
    the sums of RSS and of PSS over the process tree, the server's own PSS, the most a single
    child held, and the most processes seen at once."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        import psutil

        self.proc, self._stop, self.every = psutil.Process(pid), threading.Event(), every
        self.cpu: dict[int, float] = {}  # CPU seconds of each child seen (workers, fork server), last sample
        self.peak = {"total_rss": 0, "total_pss": 0, "server_pss": 0, "child_rss": 0, "child_pss": 0, "processes": 0}
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.wait(self.every):
            try:
                children = [c.pid for c in self.proc.children(recursive=True)]
                server = smaps(self.proc.pid)
            except Exception:  # noqa: BLE001  (the server ended)
                continue
            sizes = []
            for pid in children:
                try:
                    sizes.append(smaps(pid))
                    t = psutil.Process(pid).cpu_times()
                    self.cpu[pid] = max(self.cpu.get(pid, 0.0), t.user + t.system)
                except (OSError, psutil.Error):  # a worker ended between two calls
                    continue
            self._update(server, sizes)

    def _update(self, server: tuple[int, int], children: list[tuple[int, int]]) -> None:
        now = {"total_rss": server[0] + sum(r for r, _ in children), "server_pss": server[1],
               "total_pss": server[1] + sum(p for _, p in children),
               "child_rss": max((r for r, _ in children), default=0),
               "child_pss": max((p for _, p in children), default=0), "processes": 1 + len(children)}  # fmt: skip
        for k, v in now.items():
            self.peak[k] = max(self.peak[k], v)

    @property
    def peak_total(self) -> int:
        return self.peak["total_rss"]

    def server_peak(self) -> int:
        """VmHWM: the kernel's own peak resident size of the server process."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        return self.proc.memory_info().rss

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


class Bytes:
    """Bytes the page receives over Streamlit's websocket."""

    def __init__(self, page) -> None:
        self.total = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        self.total += len(payload) if payload is not None else 0


def open_app(browser, url: str, timeout: float):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(CLOCK_JS)
    page = context.new_page()
    received = Bytes(page)
    t0 = time.perf_counter()
    page.goto(url)
    wait_graph_stable(page, timeout=timeout)
    wait_app_idle(page, timeout=timeout)
    return context, page, received, time.perf_counter() - t0


def metric(page, label: str) -> str:
    box = page.locator('[data-testid="stMetric"]', has_text=label).first
    return box.locator('[data-testid="stMetricValue"]').inner_text()


@contextmanager
def served(env: dict[str, str], tmp: str, app: str = str(APP)):
    """A fresh app server and the watch on its memory; its log on stderr if anything fails."""
    server = start_streamlit(app, env={**env, "OMP_NUM_THREADS": "1"}, log_dir=tmp)
    watch = MemoryWatch(server.proc.pid)
    try:
        yield server, watch
    except Exception:
        print(server.log(), file=sys.stderr)
        raise
    finally:
        watch.stop()
        server.stop()


def stored_articles(db: Path) -> int:
    """Articles the app has stored so far (read beside it: the store is in WAL mode)."""
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def script_running(page) -> bool:
    return page.evaluate("""() => document.querySelector('[data-testid="stApp"]')
                              ?.getAttribute('data-test-script-state') !== 'notRunning'""")


def wait_all_stored(page, db: Path, n: int, timeout: float) -> None:
    """Until the n articles are in the store (or the app stopped with some left out: failures)."""
    deadline, idle = time.monotonic() + timeout / 1000, 0
    while time.monotonic() < deadline and stored_articles(db) < n:
        idle = idle + 1 if not script_running(page) else 0
        if idle >= 3:
            return
        time.sleep(1)


def first_drawing(browser, folder: Path, n: int, processes: int, chunk: int, tmp: str, timeout: float) -> dict:
    """Navigation to the first stable drawing, then to the drawing of all ``n`` articles."""
    db = Path(tmp) / f"run{processes}_{time.time_ns()}.db"  # a new store: every article parsed
    env = {"ACTORGRAPH_DATA": str(folder), "ACTORGRAPH_PROCESSES": str(processes), "ACTORGRAPH_DB": str(db)}
    if chunk:
        env["ACTORGRAPH_INGEST_CHUNK"] = str(chunk)
    with served(env, tmp) as (server, watch):
        cpu0 = server_cpu(watch)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        received = Bytes(page)
        t0 = time.perf_counter()
        page.goto(server.url)
        wait_graph_stable(page, timeout=timeout)  # the first chunk's drawing (the app goes on meanwhile)
        seconds = time.perf_counter() - t0
        wait_all_stored(page, db, n, timeout)
        wait_app_idle(page, timeout=timeout)
        wait_graph_stable(page, timeout=timeout)
        everything = time.perf_counter() - t0
        statements = metric(page, "Statements")
        context.close()
        return {"seconds": seconds, "all_seconds": everything, "statements": statements,
                "stored": stored_articles(db), "server_peak": watch.server_peak(), **watch.peak,
                "server_cpu": server_cpu(watch) - cpu0, "children_cpu": sum(watch.cpu.values()),
                "bytes": received.total}  # fmt: skip


def server_cpu(watch: "MemoryWatch") -> float:
    """CPU seconds of the server process itself (its workers not included)."""
    t = watch.proc.cpu_times()
    return t.user + t.system


def filter_change(browser, n: int, tmp: str, timeout: float, app: str = str(APP), max_edges: int = 0) -> dict:
    from bench_filters import synthetic

    from actorgraph.readwrite.statements import write_jsonl

    path = Path(tmp) / f"synthetic_{n}.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        write_jsonl(synthetic(n, 400), fh)
    env = {"ACTORGRAPH_STATEMENTS": str(path)}
    if max_edges:
        env["ACTORGRAPH_MAX_EDGES"] = str(max_edges)
    with served(env, tmp, app) as (server, watch):
        open_app(browser, server.url, timeout)[0].close()  # the server's first run: caches filled
        context, page, received, seconds = open_app(browser, server.url, timeout)
        first_bytes = received.total
        before = metric(page, "Statements")
        drawn_before = page.evaluate("() => window.actorgraphState && window.actorgraphState.version")
        page.locator('[data-testid="stMultiSelect"]', has_text="Stance").first.click()
        cpu0 = server_cpu(watch)
        t0 = time.perf_counter()
        page.get_by_role("option", name="supports", exact=True).click()
        page.wait_for_function(
            """(before) => {
              const m = [...document.querySelectorAll('[data-testid="stMetric"]')]
                .find(e => e.innerText.includes('Statements'));
              return m && !m.innerText.includes(before);
            }""",
            arg=before, timeout=timeout,
        )  # fmt: skip
        wait_app_idle(page, timeout=timeout)
        change = time.perf_counter() - t0
        page.wait_for_function(
            """(before) => {
              const s = window.actorgraphState;
              const box = document.querySelector('[data-testid="actorgraph-network"]');
              return !!(s && s.version !== before && box && box.dataset.stable === 'true');
            }""",
            arg=drawn_before, timeout=timeout,
        )  # fmt: skip
        drawn = time.perf_counter() - t0
        change_cpu = server_cpu(watch) - cpu0
        after = metric(page, "Statements")
        in_page = clock(page)  # from the click's pointerdown, on the page's clock
        if in_page["idle"] is None:
            raise RuntimeError("the in-page clock saw no pointerdown or no end of the script after it")
        browser = page.evaluate("() => window.actorgraphState.updateMs")
        edges = metric(page, "Edges")
        context.close()
        return {"reload_seconds": seconds, "first_bytes": first_bytes, "change_seconds": change,
                "change_bytes": received.total - first_bytes, "before": before, "after": after,
                "drawn_seconds": drawn, "in_page_seconds": max(in_page["idle"], in_page["stable"] or 0) / 1000,
                "change_cpu": change_cpu, "browser_ms": browser, "edges": edges,
                "server_peak": watch.server_peak(), "total_peak": watch.peak_total}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000, help="articles for the first-drawing runs (0: skip)")
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--ingest-chunk", type=int, default=0,
                    help="ACTORGRAPH_INGEST_CHUNK for the article runs (0: the app's default, a redraw after each chunk)")
    ap.add_argument("--statements", type=int, default=50_000, help="synthetic statements for the filter run (0: skip)")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds to wait for a drawing")
    ap.add_argument("--max-edges", type=int, default=0,
                    help="ACTORGRAPH_MAX_EDGES for the filter run (0: the app's default cap, view.MAX_EDGES)")
    ap.add_argument("--app", default=str(APP), help="the app.py of the filter run (another checkout's, for a "
                    "side-by-side run: set PYTHONPATH to that checkout too)")  # fmt: skip
    args = ap.parse_args(argv)
    timeout = args.timeout * 1000

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="actorgraph-bench-app-") as tmp, sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            if args.articles:
                folder = Path(tmp) / "articles"
                folder.mkdir()
                distinct = write_articles(folder, args.articles)
                print(f"{args.articles} articles made from {distinct} distinct texts ({EVAL if distinct > 1 else 'the bundled article'}); "
                      f"ingest chunk {args.ingest_chunk or 'the app default'}; navigation to the first stable drawing, "
                      "then to the drawing of every article (extraction included); machine load "
                      f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
                print("| processes | first drawing s | all drawn s | articles stored | statements | server CPU s | workers CPU s "
                      "| server peak RSS | server peak PSS | server + workers peak RSS | server + workers peak PSS "
                      "| one worker peak RSS / PSS | processes |")
                print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
                for n in args.processes:
                    r = first_drawing(browser, folder, args.articles, n, args.ingest_chunk, tmp, timeout)
                    print(f"| {n} | {r['seconds']:.1f} | {r['all_seconds']:.1f} | {r['stored']} | {r['statements']} "
                          f"| {r['server_cpu']:.1f} | {r['children_cpu']:.1f} | {r['server_peak'] / MB:.0f} MB | {r['server_pss'] / MB:.0f} MB "
                          f"| {r['total_rss'] / MB:.0f} MB | {r['total_pss'] / MB:.0f} MB "
                          f"| {r['child_rss'] / MB:.0f} / {r['child_pss'] / MB:.0f} MB | {r['processes']} |", flush=True)  # fmt: skip
                print("(RSS counts pages shared copy-on-write with the fork server once per process; PSS shares "
                      "them out, so the PSS sum is the memory the server and its workers use together. "
                      "Peaks sampled every 0.2 s; the server's RSS peak is the kernel's VmHWM.)")
            if args.statements:
                r = filter_change(browser, args.statements, tmp, timeout, args.app, args.max_edges)
                cap = args.max_edges or "the default"
                print(f"\n{args.statements:,} synthetic statements (warm server, new browser session; edge cap {cap})")
                print("| step | seconds | bytes received over the websocket |")
                print("|---|---:|---:|")
                print(f"| first drawing | {r['reload_seconds']:.2f} | {r['first_bytes'] / MB:.2f} MB |")
                print(f"| filter change (Stance: supports, {r['before']} -> {r['after']} statements, "
                      f"{r['edges']} edges) | {r['change_seconds']:.2f} | {r['change_bytes'] / MB:.2f} MB |")  # fmt: skip
                print(f"| ... until the new drawing is in the browser and stable | {r['drawn_seconds']:.2f} | |")
                print(f"| ... the same, in the page: from the click's pointerdown to the script's end and the stable "
                      f"drawing (no harness steps) | {r['in_page_seconds']:.2f} | |")
                print(f"filter change: server CPU {r['change_cpu']:.2f} s; the component's update in the browser "
                      f"{r['browser_ms']:.0f} ms; machine load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
                print(f"server peak RSS {r['server_peak'] / MB:.0f} MB")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
