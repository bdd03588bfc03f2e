"""Make ``docs/screenshot.png``: the app on the bundled corpus with an actor's evidence open.

    python scripts/screenshot.py                      # clicks "Bashar al-Assad"
    python scripts/screenshot.py --actor Russia -o /tmp/shot.png

Same tooling as the browser tests (tests/browser_support.py): ``streamlit run
app.py`` on a free port, Debian's headless Chromium, a real mouse click on the
drawn node.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import (  # noqa: E402
    APP,
    click_node,
    launch_chromium,
    panel_locator,
    start_streamlit,
    wait_app_idle,
    wait_graph_stable,
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--actor", default="Bashar al-Assad", help="node to click before the picture")
    ap.add_argument("-o", "--output", default=str(ROOT / "docs" / "screenshot.png"))
    ap.add_argument("--width", type=int, default=1440)
    ap.add_argument("--height", type=int, default=1000)
    args = ap.parse_args(argv)

    from playwright.sync_api import sync_playwright

    server = start_streamlit(APP)
    try:
        with sync_playwright() as pw:
            browser = launch_chromium(pw)
            try:
                page = browser.new_page(viewport={"width": args.width, "height": args.height}, device_scale_factor=1)
                page.goto(server.url)
                wait_app_idle(page)
                wait_graph_stable(page)
                click_node(page, args.actor)
                panel = panel_locator(page)
                panel.locator("blockquote").first.wait_for(timeout=30_000)
                wait_app_idle(page)
                wait_graph_stable(page)
                # Park the mouse on an empty corner of the canvas: vis hides its tooltip then.
                box = page.locator('[data-testid="actorgraph-network"] canvas').first.bounding_box()
                page.mouse.move(box["x"] + 4, box["y"] + 4, steps=5)
                page.locator("div.vis-tooltip").first.wait_for(state="hidden", timeout=5_000)
                page.wait_for_timeout(200)
                Path(args.output).parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=args.output)
            finally:
                browser.close()
    except Exception:
        print(server.log(), file=sys.stderr)
        raise
    finally:
        server.stop()
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
