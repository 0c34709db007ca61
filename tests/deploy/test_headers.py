"""nginx with deploy/'s configuration: types, caching, compression and security headers, over HTTP."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import pytest

from tests.deploy.conftest import run_nginx
from tests.deploy.served import csp, get
from tools import devserver

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


def one(site: Path, pattern: str) -> str:
    """The one file in the build matching `pattern`, as a URL path relative to the site."""
    found = sorted(site.glob(pattern))
    assert len(found) == 1, f"{pattern}: {found}"
    return found[0].relative_to(site).as_posix()


@pytest.fixture(scope="module")
def files(nginx_site: Path) -> dict[str, str]:
    """Representative files of each kind, found in the build (names carry versions and hashes)."""
    return {
        "wasm": one(nginx_site, "assets/pyodide/*/pyodide.asm.wasm"),
        "pyodide.mjs": one(nginx_site, "assets/pyodide/*/pyodide.mjs"),
        "pyodide.asm.mjs": one(nginx_site, "assets/pyodide/*/pyodide.asm.mjs"),
        "stdlib": one(nginx_site, "assets/pyodide/*/python_stdlib*.zip"),
        "wheel": one(nginx_site, "assets/beslutningstre/*/*.whl"),
        "lock": one(nginx_site, "assets/beslutningstre/*/pyodide-lock.json"),
        "bundle": one(nginx_site, "assets/javascripts/bundle.*.min.js"),
        "search-worker": one(nginx_site, "assets/javascripts/workers/search.*.min.js"),
        "theme-css": one(nginx_site, "assets/stylesheets/main.*.min.css"),
        "widget": "assets/javascripts/site.js",
        "worker": "assets/javascripts/tree-worker.js",
        "runtime": "assets/javascripts/tree-runtime.js",
        "site-css": "assets/stylesheets/site.css",
        "search-index": "search/sok.json",
        "trees": one(nginx_site, "assets/beslutningstre/*/trees.json"),
        "html": "beslutningstre/yrkesskade/",
    }


def test_policy_allows_only_the_own_origin(nginx):
    policy = csp(get(nginx.url).header("Content-Security-Policy"))
    assert policy["default-src"] == ["'self'"]
    script = policy["script-src"]
    assert script[:2] == ["'self'", "'wasm-unsafe-eval'"], script
    assert "'unsafe-eval'" not in script and "'unsafe-inline'" not in script
    assert all(s.startswith("'sha256-") for s in script[2:]), script
    assert policy["worker-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] and "*" not in policy["frame-ancestors"]
    for directive, sources in policy.items():
        assert not [s for s in sources if "://" in s or s in ("*", "https:", "http:")], (directive, sources)


@pytest.mark.parametrize("kind", ["html", "wasm", "pyodide.mjs", "worker", "bundle", "search-index", "missing"])
def test_security_headers_on_every_response(nginx, files, kind):
    # A Web Worker takes its CSP from its own script's response, so scripts need it as much as pages.
    path = "finnes-ikke/" if kind == "missing" else files[kind]
    resp = get(nginx.url + path)
    assert resp.status == (404 if kind == "missing" else 200)
    assert resp.header("Content-Security-Policy") == get(nginx.url).header("Content-Security-Policy")
    assert resp.header("X-Content-Type-Options") == "nosniff"
    assert resp.header("Referrer-Policy") == "same-origin"


@pytest.mark.parametrize("kind, content_type", [
    ("wasm", "application/wasm"),
    ("pyodide.mjs", "text/javascript"),
    ("pyodide.asm.mjs", "text/javascript"),
    ("worker", "application/javascript; charset=utf-8"),
    ("html", "text/html; charset=utf-8"),
    ("search-index", "application/json"),
    ("stdlib", "application/zip"),
])
def test_mime_types(nginx, files, kind, content_type):
    # Pyodide never finishes loading if the wasm is not application/wasm or a module is not JavaScript.
    resp = get(nginx.url + files[kind], gzip=True)
    assert resp.status == 200
    assert resp.header("Content-Type") == content_type


@pytest.mark.parametrize("kind", ["wasm", "pyodide.mjs", "pyodide.asm.mjs", "stdlib", "wheel", "lock", "trees",
                                  "bundle", "search-worker", "theme-css"])
def test_versioned_files_are_cached_for_good(nginx, files, kind):
    assert get(nginx.url + files[kind]).header("Cache-Control") == IMMUTABLE


@pytest.mark.parametrize("kind", ["wasm", "stdlib", "wheel", "lock", "bundle", "search-worker", "theme-css",
                                  "html", "widget", "worker", "runtime", "site-css", "search-index", "trees"])
def test_the_dev_server_caches_as_nginx_does(nginx, files, kind):
    # tools/devserver.py serves the browser tests and the screenshots; it keeps its own copy of
    # the map in conf.d/hjemmekontor.conf, and this keeps the two the same.
    served = get(nginx.url + files[kind]).header("Cache-Control")
    assert devserver.cache_control(f"/{run_nginx.MOUNT}/{files[kind]}") == served


@pytest.mark.parametrize("kind", ["html", "widget", "worker", "runtime", "site-css", "search-index"])
def test_other_files_are_revalidated(nginx, files, kind):
    first = get(nginx.url + files[kind])
    assert first.header("Cache-Control") == REVALIDATE
    etag = first.header("ETag")
    assert etag
    again = get(nginx.url + files[kind], headers={"If-None-Match": etag})
    assert again.status == 304


@pytest.mark.parametrize("kind", ["wasm", "pyodide.asm.mjs", "stdlib", "html", "bundle", "theme-css", "search-index"])
def test_compressed_from_the_precompressed_file(nginx, nginx_site, files, kind):
    path = files[kind]
    on_disk = nginx_site / (path + "index.html" if path.endswith("/") else path)
    packed = get(nginx.url + path, gzip=True)
    assert packed.header("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in (packed.header("Vary") or "")
    # The exact bytes of the .gz the build wrote: nginx sends it as it is (gzip_static), not
    # compressing a 9.6 MB wasm per request.
    assert packed.body == on_disk.with_name(on_disk.name + ".gz").read_bytes()
    assert gzip.decompress(packed.body) == on_disk.read_bytes()

    plain = get(nginx.url + path)
    assert plain.header("Content-Encoding") is None
    assert plain.body == on_disk.read_bytes()


# What Chromium sends (to 127.0.0.1 as to HTTPS; over plain HTTP elsewhere it leaves out br).
BROWSER = {"Accept-Encoding": "gzip, deflate, br, zstd"}


@pytest.mark.parametrize("kind", ["wasm", "pyodide.asm.mjs", "html", "bundle", "worker", "search-index"])
def test_brotli_from_the_precompressed_file_when_asked_for(nginx, nginx_site, files, kind):
    # The module is loaded (run_nginx.py, when installed) and the snippet switches it on.
    if not run_nginx.brotli_available():
        pytest.fail(run_nginx.MISSING_BROTLI, pytrace=False)
    path = files[kind]
    on_disk = nginx_site / (path + "index.html" if path.endswith("/") else path)
    packed = get(nginx.url + path, headers=BROWSER)
    assert packed.status == 200
    assert packed.header("Content-Encoding") == "br"
    assert "Accept-Encoding" in (packed.header("Vary") or "")
    assert packed.body == on_disk.with_name(on_disk.name + ".br").read_bytes()
    assert brotli.decompress(packed.body) == on_disk.read_bytes()
    # The security headers and types stay as they are for the plain file.
    plain = get(nginx.url + path)
    for name in ("Content-Type", "Cache-Control", "Content-Security-Policy"):
        assert packed.header(name) == plain.header(name), name
    # A browser that does not take br gets the gzip copy, and one that takes neither the file.
    assert get(nginx.url + path, headers={"Accept-Encoding": "gzip, deflate"}).header("Content-Encoding") == "gzip"
    assert get(nginx.url + path, headers={"Accept-Encoding": "gzip, br;q=0"}).header("Content-Encoding") == "gzip"
    assert plain.header("Content-Encoding") is None


def test_each_encoding_has_its_own_etag(nginx, files):
    # Each copy has its own ETag, so a cached br answer is never confirmed for a gzip request.
    path = files["widget"]
    br = get(nginx.url + path, headers=BROWSER)
    gz = get(nginx.url + path, gzip=True)
    assert br.header("ETag") != gz.header("ETag")
    assert get(nginx.url + path, headers={**BROWSER, "If-None-Match": br.header("ETag")}).status == 304


@pytest.fixture(scope="module")
def nginx_without_brotli(nginx_site):
    """The same files and shipped configuration on a server without the brotli module."""
    server = run_nginx.Nginx(nginx_site, brotli=False)
    with server as url:
        yield url
        log = server.errors()
    assert not log.strip(), f"nginx uten brotli logget:\n{log}"


def test_without_the_module_the_same_snippet_serves_gzip(nginx_without_brotli, files):
    # snippets/hjemmekontor.conf includes the brotli switch only if it is there: a server without
    # the module (and so without the file) starts, and gzip stays the fallback.
    for kind in ("wasm", "html"):
        resp = get(nginx_without_brotli + files[kind], headers=BROWSER)
        assert resp.status == 200
        assert resp.header("Content-Encoding") == "gzip", kind
        assert "Accept-Encoding" in (resp.header("Vary") or "")


def test_the_wheel_is_not_compressed_again(nginx, files):
    assert get(nginx.url + files["wheel"], gzip=True).header("Content-Encoding") is None
    assert get(nginx.url + files["wheel"], headers=BROWSER).header("Content-Encoding") is None


@pytest.mark.parametrize(("accept", "encoding"), [({"Accept-Encoding": "gzip"}, "gzip"), (BROWSER, "br")])
def test_the_stdlib_zip_is_stored_so_the_server_sends_it_compressed(nginx, nginx_site, files, accept, encoding):
    # tools/compile-stdlib.mjs stores it uncompressed: compressed whole, it is far smaller on the wire.
    if encoding == "br" and not run_nginx.brotli_available():
        pytest.fail(run_nginx.MISSING_BROTLI, pytrace=False)
    packed = get(nginx.url + files["stdlib"], headers=accept)
    assert packed.header("Content-Encoding") == encoding
    assert len(packed.body) < (nginx_site / files["stdlib"]).stat().st_size * 0.5


def test_redirects_stay_under_the_path(nginx):
    bare = get(nginx.url.rstrip("/"))
    assert bare.status == 301 and bare.header("Location").endswith("/hjemmekontor/")
    faq = get(nginx.url + "faq")
    assert faq.status == 301 and faq.header("Location") == "/hjemmekontor/faq/"


def test_missing_page_gets_the_sites_404(nginx):
    resp = get(nginx.url + "finnes/ikke/")
    assert resp.status == 404
    assert b'data-md-scope="/hjemmekontor/"' in resp.body  # Material's 404 page, built for this path
    assert resp.header("Cache-Control") == REVALIDATE


def test_no_root_relative_url_leaves_the_path(nginx_site):
    # Everything links relatively or under site_url's path, so the build works at any path.
    import re

    outside = []
    for page in nginx_site.rglob("*.html"):
        for url in re.findall(r'(?:href|src|action)="(/[^"]*)"', page.read_text(encoding="utf-8")):
            if not url.startswith("/hjemmekontor/"):
                outside.append(f"{page.relative_to(nginx_site)}: {url}")
    assert not outside
