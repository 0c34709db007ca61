"""tools/devserver.py, the server the browser tests, the benchmark and the screenshots use.

Its types and caching headers must be the ones the intranet's nginx sends (tests/deploy/ holds
that comparison), or tests would pass on a server unlike the real one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.deploy.served import get
from tools import devserver


def one(site: Path, pattern: str) -> str:
    found = sorted(site.glob(pattern))
    assert len(found) == 1, f"{pattern}: {found}"
    return found[0].relative_to(site).as_posix()


@pytest.mark.parametrize("pattern, content_type, cache", [
    ("assets/pyodide/*/pyodide.asm.wasm", "application/wasm", devserver.IMMUTABLE),
    ("assets/pyodide/*/pyodide.mjs", "text/javascript", devserver.IMMUTABLE),
    ("assets/pyodide/*/python_stdlib*.zip", "application/zip", devserver.IMMUTABLE),
    ("assets/beslutningstre/*/*.whl", "application/octet-stream", devserver.IMMUTABLE),
    ("assets/beslutningstre/*/pyodide-lock.json", "application/json", devserver.IMMUTABLE),
    ("assets/javascripts/bundle.*.min.js", "text/javascript", devserver.IMMUTABLE),
    ("assets/stylesheets/main.*.min.css", "text/css", devserver.IMMUTABLE),
    ("assets/javascripts/tree-worker.js", "text/javascript", devserver.REVALIDATE),
    ("assets/javascripts/tree-runtime.js", "text/javascript", devserver.REVALIDATE),
    ("assets/stylesheets/site.css", "text/css", devserver.REVALIDATE),
    ("search/sok.json", "application/json", devserver.REVALIDATE),
    ("faq/index.html", "text/html", devserver.REVALIDATE),
])
def test_types_and_caching(site_dir, pattern, content_type, cache):
    path = one(site_dir, pattern)
    with devserver.serve(site_dir) as url:
        resp = get(url + path)
    assert resp.status == 200
    assert resp.header("Content-Type").split(";")[0] == content_type
    assert resp.header("Cache-Control") == cache
    assert resp.body == (site_dir / path).read_bytes()


def test_a_page_by_its_folder_and_a_missing_one(site_dir):
    with devserver.serve(site_dir) as url:
        page, missing = get(url + "faq/"), get(url + "finnes-ikke/")
    assert page.status == 200 and page.header("Cache-Control") == devserver.REVALIDATE
    assert missing.status == 404


def test_the_page_list_is_the_sitemap_and_the_sources_give_the_same(site_dir):
    paths = devserver.page_paths(site_dir)
    assert paths[0] == "" and "faq/" in paths and "retningslinje/" in paths
    assert all((site_dir / p / "index.html").is_file() for p in paths)
    # The list tests take before anything is built (tools/devserver.py) is the built site's.
    assert sorted(devserver.page_paths()) == sorted(paths)
