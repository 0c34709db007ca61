"""Screenshots of every page of the built site, light and dark, desktop and phone width.

    .venv/bin/python tools/screenshots.py [OUT_DIR] [PATH ...]

Serves site/ (SITE_DIR) on a free loopback port, opens each page in Debian's Chromium and writes
OUT_DIR/<page>-<light|dark>-<width>.png (default OUT_DIR: screenshots/). Look at them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.devserver import ROOT, SITE, launch, page_paths, serve

WIDTHS = (1280, 390)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    paths = sys.argv[2:] or page_paths(SITE)
    with serve(SITE) as base, sync_playwright() as p:
        browser = launch(p)
        for scheme in ("light", "dark"):
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
                page = context.new_page()
                for path in paths:
                    page.goto(base + path, wait_until="networkidle")
                    if page.locator(".hk-diagram").count():
                        # The diagram draws when scrolled near; show it as a reader would see it.
                        page.locator("#diagram").scroll_into_view_if_needed()
                        page.wait_for_selector('.hk-diagram[data-diagram="drawn"]', timeout=60_000)
                        page.evaluate("window.scrollTo(0, 0)")
                    name = path.strip("/").replace("/", "_") or "forside"
                    file = out / f"{name}-{scheme}-{width}.png"
                    page.screenshot(path=file, full_page=True)
                    print(file)
                context.close()
        browser.close()


if __name__ == "__main__":
    main()
