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
   finished.

For every run the server's peak resident memory (``VmHWM``) is reported, and the
peak of the server plus its worker processes (sampled every 0.2 s).
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

from browser_support import APP, launch_chromium, start_streamlit, wait_app_idle, wait_graph_stable  # noqa: E402

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


class MemoryWatch:
    """Peak resident memory of a process and its children, sampled in a thread."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.proc, self.peak_total, self._stop = psutil.Process(pid), 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                total = sum(p.memory_info().rss for p in procs if p.is_running())
            except Exception:  # noqa: BLE001  (a worker ended between two calls)
                continue
            self.peak_total = max(self.peak_total, total)

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


def first_drawing(browser, folder: Path, processes: int, tmp: str, timeout: float) -> dict:
    env = {"ACTORGRAPH_DATA": str(folder), "ACTORGRAPH_PROCESSES": str(processes),
           "ACTORGRAPH_DB": str(Path(tmp) / f"run{processes}_{time.time_ns()}.db"),  # a new store: every article parsed
           "ACTORGRAPH_INGEST_CHUNK": "100000"}  # the whole folder in one ingest: "first drawing" = all of it
    with served(env, tmp) as (server, watch):
        context, page, received, seconds = open_app(browser, server.url, timeout)
        statements = metric(page, "Statements")
        context.close()
        return {"seconds": seconds, "statements": statements, "server_peak": watch.server_peak(),
                "total_peak": watch.peak_total, "bytes": received.total}  # fmt: skip


def filter_change(browser, n: int, tmp: str, timeout: float, app: str = str(APP)) -> dict:
    from bench_filters import synthetic

    from actorgraph.readwrite.statements import write_jsonl

    path = Path(tmp) / f"synthetic_{n}.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        write_jsonl(synthetic(n, 400), fh)
    with served({"ACTORGRAPH_STATEMENTS": str(path)}, tmp, app) as (server, watch):
        open_app(browser, server.url, timeout)[0].close()  # the server's first run: caches filled
        context, page, received, seconds = open_app(browser, server.url, timeout)
        first_bytes = received.total
        before = metric(page, "Statements")
        page.locator('[data-testid="stMultiSelect"]', has_text="Stance").first.click()
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
        after = metric(page, "Statements")
        context.close()
        return {"reload_seconds": seconds, "first_bytes": first_bytes, "change_seconds": change,
                "change_bytes": received.total - first_bytes, "before": before, "after": after,
                "server_peak": watch.server_peak(), "total_peak": watch.peak_total}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000, help="articles for the first-drawing runs (0: skip)")
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--statements", type=int, default=50_000, help="synthetic statements for the filter run (0: skip)")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds to wait for a drawing")
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
                print(f"{args.articles} articles made from {distinct} distinct texts ({EVAL if distinct > 1 else 'the bundled article'}): "
                      "navigation to the first stable drawing (extraction included)")
                print("| processes | seconds | statements | server peak RSS | server + workers peak |")
                print("|---:|---:|---:|---:|---:|")
                for n in args.processes:
                    r = first_drawing(browser, folder, n, tmp, timeout)
                    print(f"| {n} | {r['seconds']:.1f} | {r['statements']} | {r['server_peak'] / MB:.0f} MB "
                          f"| {r['total_peak'] / MB:.0f} MB |", flush=True)  # fmt: skip
            if args.statements:
                r = filter_change(browser, args.statements, tmp, timeout, args.app)
                print(f"\n{args.statements:,} synthetic statements (warm server, new browser session)")
                print("| step | seconds | bytes received over the websocket |")
                print("|---|---:|---:|")
                print(f"| first drawing | {r['reload_seconds']:.2f} | {r['first_bytes'] / MB:.2f} MB |")
                print(f"| filter change (Stance: supports, {r['before']} -> {r['after']} statements) "
                      f"| {r['change_seconds']:.2f} | {r['change_bytes'] / MB:.2f} MB |")  # fmt: skip
                print(f"server peak RSS {r['server_peak'] / MB:.0f} MB")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
