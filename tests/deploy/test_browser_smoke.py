"""The site in Chromium through nginx with the shipped configuration and its real headers.

Every test fails on any CSP violation (in the page or in the decision tree's Web Worker, which
has a policy of its own from its script's response), any console error or page error, and any
request to another origin (the `context` fixture).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.widget import WIDGET, open_tree, outcome, paths, plain, walk
from tests.content import CONTENT

pytestmark = pytest.mark.browser

# Runs in the page before its scripts (as an init script) and in each worker; a violation
# becomes a console error, which the watcher collects.
REPORT_CSP = """(() => {
  const target = self.document || self;
  if (target.__cspWatched) return true;
  target.__cspWatched = true;
  target.addEventListener("securitypolicyviolation", (e) =>
    console.error(`CSP-brudd: ${e.effectiveDirective} blokkerte ${e.blockedURI || "inline"} ` +
                  `(${e.sourceFile}:${e.lineNumber})`));
  return true;
})()"""


class Watch:
    def __init__(self, page):
        self.errors: list[str] = []
        self.workers: list[str] = []
        page.add_init_script(REPORT_CSP)
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"side: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"sidefeil: {e}"))
        page.on("worker", self._worker)

    def _worker(self, worker):
        worker.on("console", lambda m: m.type == "error" and self.errors.append(f"worker: {m.text}"))
        try:
            worker.evaluate(REPORT_CSP)
            self.workers.append(worker.url)
        except Exception as exc:
            # A worker whose page navigated away is gone and runs nothing more; anything else is a failure.
            if "has been closed" not in str(exc):
                self.errors.append(f"kunne ikke lytte i {worker.url}: {exc}")

    def assert_clean(self):
        assert not self.errors, "\n".join(self.errors)


@pytest.fixture
def watch(page):
    return Watch(page)


def test_guideline_page(page, watch):
    page.goto("retningslinje/")
    expect(page.locator("h1")).to_contain_text(CONTENT.timeline.shown.document.meta.title)
    expect(page.locator("#punkt-8b")).to_be_attached()
    watch.assert_clean()


def test_faq_anchor_and_instant_navigation(page, watch):
    page.goto("faq/#hytte")
    expect(page.locator("#hytte")).to_be_in_viewport()

    # Material only navigates in place to URLs in its sitemap, which carries site_url: built for
    # this address, a click replaces the content without a full load (the marker survives).
    page.goto("retningslinje/")
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="Neste: Spørsmål og svar").click()
    expect(page.locator("h1")).to_contain_text("Spørsmål og svar om hjemmekontor")
    assert page.url.endswith("/hjemmekontor/faq/")
    assert page.evaluate("window.__sameDocument === true"), "full sideinnlasting: site_url passer ikke adressen"
    watch.assert_clean()


def test_decision_tree_to_an_outcome(page, watch, context):
    slug = "yrkesskade"
    path = max(paths(slug), key=lambda p: len(p.steps))  # the engine decides every step after the first
    open_tree(page, slug)  # waits for data-engine="ready": Pyodide compiled its wasm under the policy
    walk(page, path.steps)
    expect(outcome(page).locator("h2")).to_have_text(plain(path.outcome.title))
    expect(page.locator(WIDGET)).to_have_attribute("data-engine", "ready")

    assert any("tree-worker" in u for u in watch.workers), f"tree worker not watched: {watch.workers}"
    assert any(u.endswith(".wasm") for u in context.guard.requests), "Pyodide's wasm was never fetched"
    watch.assert_clean()


def test_tree_diagram_draws_under_the_policy(page, watch, context):
    # Mermaid loads when the diagram comes near: here at once, through the link to it.
    page.goto("beslutningstre/reise/#diagram")
    diagram = page.locator(".hk-diagram")
    expect(diagram).to_have_attribute("data-diagram", "drawn", timeout=30_000)
    expect(diagram.locator(".mermaid svg")).to_be_visible()
    assert any(u.endswith("/mermaid.min.js") for u in context.guard.requests)
    watch.assert_clean()
