"""The built site asks no third party for anything: a static scan of every file in site/.

The browser test (tests/browser/test_offline.py) proves the same at run time; this scan also covers
code paths no test clicks through, and files copied in from npm packages.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.content import PROJECT

# Hosts whose only purpose is serving code, fonts or tracking. Never allowed anywhere in site/.
THIRD_PARTY_RESOURCE_HOSTS = re.compile(
    r"(?:unpkg\.com|jsdelivr\.net|cdnjs\.cloudflare\.com|fonts\.googleapis\.com|fonts\.gstatic\.com|"
    r"ajax\.googleapis\.com|esm\.sh|cdn\.skypack\.dev|jspm\.io|googletagmanager\.com|google-analytics\.com|"
    r"pyodide\.org|cdn\.[a-z0-9.-]+)", re.I)

# Places where a CDN host appears in a copied npm file but is never used in the browser, each with why.
KNOWN_UNUSED = {
    # pyodide.mjs: the default `cdnUrl`, used only by Node to fetch packages missing from the lock file.
    # The site's worker passes its own packageBaseUrl, and the browser tests fail on any foreign request.
    ("pyodide.mjs", "https://cdn.jsdelivr.net/pyodide/v"),
}

TEXT_SUFFIXES = {".html", ".htm", ".js", ".mjs", ".css", ".json", ".svg", ".xml", ".txt", ".map", ".py", ".toml"}

# Elements and attributes that make a browser fetch something.
RESOURCE_ATTRS = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "source": ("src", "srcset"),
    "video": ("src", "poster"), "audio": ("src",), "embed": ("src",), "object": ("data",), "track": ("src",),
    "link": ("href",), "input": ("src",), "image": ("href",), "use": ("href",),
}
NAVIGATION_LINK_RELS = {"canonical", "alternate", "next", "prev", "author", "license", "help", "search"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""", re.I)


def site_files(site: Path):
    return [p for p in sorted(site.rglob("*")) if p.is_file() and p.suffix in TEXT_SUFFIXES]


def is_foreign(url: str, own_host: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in ("", "data", "blob", "mailto", "tel") and not url.strip().startswith("//"):
        return False
    return parts.netloc != own_host


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and set((a.get("rel") or "").split()) <= NAVIGATION_LINK_RELS and a.get("rel"):
            return  # a link relation the browser does not fetch
        for attr in RESOURCE_ATTRS.get(tag, ()):
            for value in (a.get(attr) or "").split(","):
                if value.strip():
                    self.urls.append(value.strip().split()[0])
        if a.get("style"):
            self.urls += CSS_URL.findall(a["style"])


@pytest.fixture(scope="module")
def own_host(site_dir):
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    return urlsplit(re.search(r"<loc>([^<]+)</loc>", sitemap).group(1)).netloc


def test_no_cdn_host_anywhere(site_dir):
    offenders = []
    for path in site_files(site_dir):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"(?:https?:)?//[A-Za-z0-9.-]+[^\s\"'`)<>]*", text):
            url = match.group(0)
            host = urlsplit(url if "://" in url else "https:" + url).netloc
            if THIRD_PARTY_RESOURCE_HOSTS.fullmatch(host) or THIRD_PARTY_RESOURCE_HOSTS.search(host):
                if not any(path.name == name and url.startswith(prefix) for name, prefix in KNOWN_UNUSED):
                    offenders.append(f"{path.relative_to(site_dir)}: {url}")
    assert not offenders, "Tredjepartsadresser i site/:\n" + "\n".join(offenders)


def test_html_loads_resources_only_from_own_origin(site_dir, own_host):
    offenders = []
    for path in site_dir.rglob("*.html"):
        parser = _Resources()
        parser.feed(path.read_text(encoding="utf-8"))
        offenders += [f"{path.relative_to(site_dir)}: {u}" for u in parser.urls if is_foreign(u, own_host)]
    assert not offenders, "Ressurser fra andre nettsteder:\n" + "\n".join(offenders)


def test_css_loads_nothing_from_elsewhere(site_dir, own_host):
    offenders = []
    for path in [*site_dir.rglob("*.css"), *site_dir.rglob("*.html")]:
        urls = CSS_URL.findall(path.read_text(encoding="utf-8"))
        offenders += [f"{path.relative_to(site_dir)}: {u}" for u in urls if is_foreign(u, own_host)]
    assert not offenders, "CSS som henter fra andre nettsteder:\n" + "\n".join(offenders)


def test_no_console_pages_from_npm_packages(site_dir):
    # Pyodide's package carries console pages that load from a CDN; they must not be copied.
    assert not [p for p in site_dir.rglob("console*.html")]


def test_config_has_no_forge_or_font_requests():
    config = (PROJECT.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^repo_url:", config, re.M), "repo_url får Material til å spørre et forge-API"
    assert re.search(r"^\s+font: false", config, re.M), "Material henter Google Fonts uten font: false"
