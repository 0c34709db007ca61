"""A slow first visit: while the engine's bytes still arrive, someone waiting for it sees how far the
download has come, and is told when it takes longer than usual; it never fails for being slow. It
fails only when loading has stopped (no byte and no step for a while)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from decision_tree import api
from tests.browser.test_widget_fallback import ENGINE_CLOCK
from tests.browser.widget import WIDGET, expect_question, tree_url
from tests.content import TREES

pytestmark = pytest.mark.browser

SLUG = "hjemmearbeid"
SLOW_S = 10  # engine-client.js: SLOW_MS
STALL_S = 10  # engine-client.js: STALL_MS
# Records when the worker last reported progress (the widget's own messages, read in passing).
PROGRESS_CLOCK = """
window.Worker = class extends window.Worker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", ({ data }) => {
      if (data?.event === "progress") window.__progressAt = performance.now();
    });
  }
};
"""


def older_link() -> str:
    """A link made under another guideline version: only the engine can read it (not prebuilt)."""
    tree = TREES[SLUG]
    link = f"v0.00_{tree.start}.{tree.questions[tree.start].options[0].id}"
    view = api.view(SLUG, link)
    assert view["status"] == "question" and view["changed"], view
    return link


def test_a_slow_download_shows_progress_and_never_fails(page, context):
    page.add_init_script(ENGINE_CLOCK)
    # About 15 s for the runtime as the test server sends it (uncompressed): past the slow mark.
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions",
             {"offline": False, "latency": 40, "downloadThroughput": 1_000_000, "uploadThroughput": 1_000_000})
    link = older_link()
    page.goto(tree_url(SLUG, f"?svar={link}"))
    widget = page.locator(WIDGET)
    box = widget.locator(".hk-loading")
    expect(box).to_be_visible(timeout=15_000)
    expect(box).to_contain_text("Laster beslutningstreet")
    bar = box.locator("progress")
    expect(bar).to_have_attribute("aria-label", "Nedlasting av beslutningstreet")

    # The bar moves while bytes arrive.
    seen = []
    for _ in range(6):
        page.wait_for_timeout(1000)
        seen.append(float(bar.evaluate("bar => bar.value")))
    assert seen == sorted(seen) and 0 < seen[-1] > seen[0], seen
    expect(box).to_contain_text("% lastet ned")

    # Past the old time limit: still loading, and it says so, once, in words.
    slow = "Det tar lengre tid enn vanlig, men beslutningstreet lastes fortsatt ned."
    expect(box).to_contain_text(slow, timeout=SLOW_S * 1000)
    expect(widget.locator("[role=status]")).to_contain_text(slow)
    assert widget.get_attribute("data-engine") == "loading"
    expect(widget.locator(".hk-failure")).to_have_count(0)

    expect(widget).to_have_attribute("data-engine", "ready", timeout=90_000)
    expect_question(page, api.view(SLUG, link)["node"])
    expect(widget.locator(".hk-notice")).to_be_visible()
    assert page.evaluate("window.__failedAt") is None, "it never failed on the way"


def test_a_download_that_stops_fails_after_a_while_without_progress(page):
    page.add_init_script(ENGINE_CLOCK)
    page.add_init_script(PROGRESS_CLOCK)
    page.route("**/*.wasm", lambda route: None)  # the connection hangs: no byte, no error
    page.goto(tree_url(SLUG, f"?svar={older_link()}"))
    widget = page.locator(WIDGET)
    expect(widget.locator(".hk-loading")).to_be_visible()
    expect(widget).to_have_attribute("data-engine", "failed", timeout=(STALL_S + 20) * 1000)
    expect(widget.locator(".hk-failure")).to_contain_text("som tekst lenger ned på siden")
    waited = page.evaluate("window.__failedAt - (window.__progressAt ?? window.__loadingAt)")
    # The stall limit after the last sign of life, plus what a busy machine may add to a timer.
    assert STALL_S * 1000 - 50 <= waited <= STALL_S * 1000 + 1500, f"{waited:.0f} ms"
