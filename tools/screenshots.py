"""Screenshots of every page of the built site, light and dark, desktop and phone width.

    .venv/bin/python tools/screenshots.py [OUT_DIR] [PATH ...]

Serves site/ on a free loopback port, opens each page in Debian's Chromium and writes
OUT_DIR/<page>-<light|dark>-<width>.png (default OUT_DIR: screenshots/). Look at them.
"""

from __future__ import annotations

import functools
import http.server
import re
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
WIDTHS = (1280, 390)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript"}

    def log_message(self, *args):
        pass


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    paths = sys.argv[2:] or [re.sub(r"^https?://[^/]+/", "", loc) for loc in
                             re.findall(r"<loc>([^<]+)</loc>", (SITE / "sitemap.xml").read_text())]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"])
        for scheme in ("light", "dark"):
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
                page = context.new_page()
                for path in paths:
                    page.goto(base + path, wait_until="networkidle")
                    if page.locator(".bt-diagram").count():
                        # The diagram draws when scrolled near; show it as a reader would see it.
                        page.locator("#diagram").scroll_into_view_if_needed()
                        page.wait_for_selector('.bt-diagram[data-diagram="drawn"]', timeout=60_000)
                        page.evaluate("window.scrollTo(0, 0)")
                    name = path.strip("/").replace("/", "_") or "forside"
                    file = out / f"{name}-{scheme}-{width}.png"
                    page.screenshot(path=file, full_page=True)
                    print(file)
                context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
