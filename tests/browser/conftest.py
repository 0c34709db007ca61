"""Browser fixtures: the built site on a local server, driven in Debian's Chromium by Playwright."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.content import REPO
from tools import devserver

# The `browser` fixture lives in tests/conftest.py, so tests/deploy/ shares the one Playwright.
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def base_url(site_dir: Path):
    """Serve site/ on 127.0.0.1 at a free port for the whole session (tools/devserver.py)."""
    with devserver.serve(site_dir) as url:
        yield url


class OriginGuard:
    """Records every request a page makes; anything not to our server is a failure."""

    def __init__(self, base_url: str):
        self.origin = urlsplit(base_url).netloc
        self.foreign: list[str] = []
        self.requests: list[str] = []

    def __call__(self, request):
        url = request.url
        self.requests.append(url)
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.netloc != self.origin:
            self.foreign.append(url)


def new_context(browser, base_url: str, scheme: str = "light", **options):
    """A context on the server at `base_url`, every request recorded in `ctx.guard`. Requests to
    anywhere but that server never leave the machine: they are aborted, and listed in
    `ctx.guard.foreign` for the caller to fail on after closing the context."""
    ctx = browser.new_context(base_url=base_url, color_scheme=scheme, locale="nb-NO", **options)
    guard = OriginGuard(base_url)
    ctx.on("request", guard)

    def block_foreign(route):
        if urlsplit(route.request.url).netloc == guard.origin:
            route.continue_()
        else:
            route.abort()

    ctx.route("**/*", block_foreign)
    ctx.guard = guard
    ctx.scheme = scheme
    return ctx


def palette_page(browser, base_url: str, scheme: str):
    """One page in `scheme` on the server at `base_url`, for a module whose tests only read what it
    shows (a generator for a module fixture: it yields the page, then fails on foreign requests)."""
    context = new_context(browser, base_url, scheme)
    page = context.new_page()
    yield page
    context.close()
    assert not context.guard.foreign, context.guard.foreign


@pytest.fixture
def context(browser, base_url, request):
    """A fresh context per test; light palette unless the test is parametrised with `scheme`."""
    ctx = new_context(browser, base_url, getattr(request, "param", None) or "light")
    yield ctx
    ctx.close()
    assert not ctx.guard.foreign, f"forespørsler til tredjepart: {ctx.guard.foreign}"


@pytest.fixture
def page(context):
    pg = context.new_page()
    yield pg
    pg.close()


def _run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
        }"""
    )


@pytest.fixture(scope="session")
def axe():
    """`axe(page)` runs axe-core's WCAG 2.1 A/AA rules on the current document and returns the violations."""
    return _run_axe
