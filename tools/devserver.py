"""The local server for the built site, the Chromium that opens it, and the site's page list.

One home for what the tests (tests/browser/), tools/bench.py and tools/screenshots.py all need.
Tools never import tests; tests import this.

- `serve(site)`: site/ on 127.0.0.1 at a free port, threaded, with the types Pyodide needs
  (.wasm, .mjs) and the caching headers of deploy/conf.d/hjemmekontor.conf: a year, immutable,
  for versioned paths; `no-cache` (revalidate) for everything else.
- `CHROMIUM`, `CHROMIUM_ARGS`, `launch()`: Debian's Chromium ($CHROMIUM, default
  /usr/bin/chromium) with the flags that keep it from reaching for the network on its own.
- `page_paths()`: the site's pages, from the project's sources (nothing needs to be built: tests list
  them when they are collected); `page_paths(site)`: a built site's pages, from its sitemap.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
# SITE_DIR points tests and tools at another build (e.g. a deliberately broken one).
SITE = Path(os.environ.get("SITE_DIR", ROOT / "site")).resolve()

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags that keep Chromium from reaching for the network on its own (checked on these machines).
# --no-sandbox: the tests run as root.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# The same paths as the map in deploy/conf.d/hjemmekontor.conf (tests/deploy/ compares the two):
# Pyodide under its version, the engine under its wheel's hash, Material's hashed bundles.
VERSIONED = re.compile(
    r"/assets/pyodide/[0-9][^/]*/"
    r"|/assets/beslutningstre/[0-9a-f]{16}/"
    r"|/assets/[a-z/]+\.[0-9a-f]{8}\.min\.(js|css)$"
)


def cache_control(path: str) -> str:
    """The Cache-Control value for a URL path, as nginx sends it."""
    return IMMUTABLE if VERSIONED.search(path) else REVALIDATE


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with the right types and caching headers, and no log lines."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        # Pyodide never finishes loading if the wasm is not application/wasm, and a module
        # script must be JavaScript (Python's own table lacks .mjs on some systems).
        ".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
        ".json": "application/json", ".whl": "application/octet-stream", ".zip": "application/zip",
    }

    def log_message(self, *args):  # keep test and tool output readable
        pass

    def end_headers(self):
        self.send_header("Cache-Control", cache_control(urlsplit(self.path).path))
        super().end_headers()


class Server(http.server.ThreadingHTTPServer):
    """A reader who leaves a page mid-download (a browser does it all the time) is not an error."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(site: Path = SITE, handler: type[Handler] = Handler) -> Iterator[str]:
    """`with serve(site) as url:` the folder on 127.0.0.1 at a free port; url ends in '/'."""
    server = Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright, **options):
    """Debian's Chromium, headless, through Playwright: `launch(p)` inside `with sync_playwright() as p`."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, **options)


def page_paths(site: Path | None = None) -> list[str]:
    """The site's pages as paths relative to its root ('' is the front page).

    With `site`, a built site's: from its sitemap.xml. Without, the pages a build of the project makes,
    found as the build finds them: MkDocs' own files of docs/, and the pages the hooks generate, named by
    the hooks' own rules, for each guideline version in kilde/ and each tree (tests/browser/test_devserver.py
    holds the two lists the same)."""
    if site is not None:
        sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
        return [urlsplit(loc).path.lstrip("/") for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    return list(_source_pages())


@functools.cache
def _source_pages() -> tuple[str, ...]:
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, get_files

    from tooling import registry
    from tooling.project import Project

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    guideline, trees = config.plugins["hooks/guideline_pages.py"], config.plugins["hooks/tree_pages.py"]
    content = registry.load(Project(ROOT))
    sources = [f.src_uri for f in get_files(config).documentation_pages()]
    sources += [guideline.PAGE, guideline.CHANGES, *(guideline.version_uri(v.number) for v in content.versions),
                *(f"{trees.SECTION}/{slug}.md" for slug in content.trees)]
    return tuple(File(uri, config.docs_dir, config.site_dir, config.use_directory_urls).url.removeprefix("./")
                 for uri in sources)
