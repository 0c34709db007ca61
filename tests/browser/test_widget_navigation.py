"""The widget under Material's instant navigation: mounted from document$, one worker per visit.

A marker on `window` survives only if no full page load happened, so each test can tell an
instant navigation from a reload.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.reader import scroll_then_click
from tests.browser.widget import (
    SLUGS,
    WIDGET,
    current_state,
    expect_question,
    outcome,
    paths,
    plain,
    wait_ready,
    walk,
)
from tests.content import GUIDELINE, TREES
from tools import devserver

pytestmark = pytest.mark.browser


class _SitemapHandler(devserver.Handler):
    """Serves site/, with the sitemap's site_url replaced by this server's own address: Material
    navigates in place only to URLs its sitemap lists, and the test server's port is random."""

    site_url = ""

    def do_GET(self):
        if urlsplit(self.path).path != "/sitemap.xml":
            return super().do_GET()
        own = f"http://{self.headers['Host']}/"
        body = (Path(self.directory) / "sitemap.xml").read_text(encoding="utf-8").replace(self.site_url, own).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def base_url(site_dir: Path):
    """This module's own server (overrides the session one): see _SitemapHandler."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    handler = type("Handler", (_SitemapHandler,), {"site_url": re.search(r"<loc>([^<]+)</loc>", sitemap).group(1)})
    with devserver.serve(site_dir, handler) as url:
        yield url


def mark_document(page) -> None:
    page.evaluate("window.__sameDocument = true")


def still_same_document(page) -> bool:
    return page.evaluate("window.__sameDocument === true")


def count(requests, needle: str) -> int:
    return sum(1 for url in requests if needle in urlsplit(url).path)


def test_reaching_a_tree_by_instant_navigation_mounts_a_working_widget(page, context):
    page.goto("")
    mark_document(page)
    page.locator(".md-nav--primary").get_by_role("link", name="Beslutningstrær").first.click()
    expect(page).to_have_url(re.compile(r"/beslutningstre/$"))
    slug = SLUGS[0]
    title = TREES[slug].title
    page.locator("article.md-content__inner").get_by_role("link", name=title).first.click()
    expect(page).to_have_url(re.compile(rf"/beslutningstre/{slug}/$"))
    wait_ready(page)
    assert still_same_document(page), "the tree page came through instant navigation"

    path = paths(slug)[0]
    walk(page, path.steps)
    expect(outcome(page).locator("h2")).to_have_text(plain(path.outcome.title))

    # Away to another page and back with the browser: the widget mounts again on the same step.
    state = current_state(page)
    page.locator(".md-nav--primary").get_by_role("link", name="Retningslinjen").first.click()
    expect(page.locator(WIDGET)).to_have_count(0)
    page.go_back()
    expect(outcome(page).locator("h2")).to_have_text(plain(path.outcome.title))
    assert current_state(page) == state
    assert still_same_document(page)

    # Another tree, still the same document: the same worker serves it.
    other = SLUGS[1]
    page.locator(".md-nav--primary").get_by_role("link", name=TREES[other].title).first.click()
    expect_question(page, TREES[other].start)
    wait_ready(page)
    walk(page, paths(other)[0].steps)
    expect(outcome(page).locator("h2")).to_have_text(plain(paths(other)[0].outcome.title))
    assert still_same_document(page)

    requests = context.guard.requests
    assert count(requests, "tree-worker.js") == 1, "one worker for the whole visit"
    assert count(requests, "pyodide.asm.wasm") == 1
    assert count(requests, ".whl") == 1


def test_a_citation_link_leads_to_the_guideline_anchor(page):
    slug = SLUGS[0]
    page.goto(f"beslutningstre/{slug}/")
    mark_document(page)
    wait_ready(page)
    path = paths(slug)[0]
    walk(page, path.steps)
    anchor = path.outcome.citations[0].anchor
    scroll_then_click(page, outcome(page).locator(".hk-citation a").first)
    # The newest version's page: retningslinje/ once it is in force (guideline.versions.Timeline.page).
    target = re.escape(GUIDELINE.page)
    expect(page).to_have_url(re.compile(rf"/{target}/#{re.escape(anchor)}$"))
    expect(page.locator(f"[id='{anchor}']")).to_be_in_viewport()
    assert still_same_document(page), "Material's router took the link"
