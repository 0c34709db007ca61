"""When the interactive tree cannot run: no JavaScript, no wasm, a wrong MIME type, a tampered wheel,
and the wait while Pyodide boots for what only the engine can answer."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import new_context
from tests.browser.widget import WIDGET, expect_question, paths, plain, question, tree_url, wait_ready, walk
from tests.content import TREES

pytestmark = pytest.mark.browser

SLUG = "hjemmearbeid"
FAILURE_LIMIT_S = 10


def test_without_javascript_the_outline_is_there_and_readable(browser, base_url):
    context = new_context(browser, base_url, java_script_enabled=False)
    guard = context.guard
    page = context.new_page()
    page.goto(tree_url(SLUG))
    tree = TREES[SLUG]
    outline = page.locator(".hk-outline")
    expect(outline).to_be_visible()
    for q in tree.questions.values():
        expect(outline.locator(f"[id='tre-{q.id}']")).to_be_visible()
    for o in tree.outcomes.values():
        expect(outline.locator(f"[id='tre-{o.id}']")).to_be_visible()
    # The widget's place says, in words, that the tree is below as text, and links there.
    note = page.locator(f"{WIDGET} .hk-widget__nojs")
    expect(note).to_be_visible()
    expect(note).to_contain_text("trenger JavaScript")
    note.get_by_role("link", name="Hele treet").click()
    expect(page.locator("#hele-treet")).to_be_in_viewport()
    # Nothing of the widget's own pieces is visible or read out.
    expect(page.locator(f"{WIDGET} .hk-templates")).to_be_hidden()
    assert not [u for u in guard.requests if "/assets/pyodide/" in u or "tree-worker" in u]
    context.close()
    assert not guard.foreign


# Records, in the page's own clock, when the widget started loading the engine and when it gave up.
ENGINE_CLOCK = """
new MutationObserver(() => {
  const state = document.querySelector(".hk-widget")?.dataset.engine;
  if (state === "loading") window.__loadingAt ??= performance.now();
  if (state === "failed") window.__failedAt ??= performance.now();
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-engine"], childList: true });
"""


def expect_failure_within_limit(page) -> None:
    widget = page.locator(WIDGET)
    expect(widget).to_have_attribute("data-engine", "failed", timeout=(FAILURE_LIMIT_S + 5) * 1000)
    waited = page.evaluate("window.__failedAt - window.__loadingAt")
    # The limit, plus what a busy machine may add to a timer.
    assert waited <= FAILURE_LIMIT_S * 1000 + 750, f"{waited:.0f} ms"
    box = widget.locator(".hk-failure")
    expect(box).to_be_visible()
    expect(box).to_have_attribute("role", "alert")
    expect(box).to_contain_text("som tekst lenger ned på siden")
    link = box.get_by_role("link", name="Gå til beslutningstreet som tekst")
    href = link.get_attribute("href")
    assert href.startswith("#") and page.locator(href).count() == 1, href


def test_blocked_wasm_shows_the_failure_message_within_10_s(page):
    page.add_init_script(ENGINE_CLOCK)
    held = []
    page.route("**/*.wasm", lambda route: held.append(route))
    page.goto(tree_url(SLUG))
    expect_question(page, TREES[SLUG].start)  # the first question shows without the engine
    wait_for(page, held)
    for route in held:
        route.abort()
    expect_failure_within_limit(page)


def test_wasm_with_the_wrong_mime_type_times_out_into_the_failure_message(page, base_url):
    # Served as text/plain, streaming compilation refuses it and Pyodide may never settle:
    # the widget must not wait forever.
    def wrong_type(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-type": "text/plain"})

    page.add_init_script(ENGINE_CLOCK)
    page.route("**/*.wasm", wrong_type)
    page.goto(tree_url(SLUG))
    expect_failure_within_limit(page)


def test_a_tampered_engine_wheel_is_refused(page):
    # The lock file carries the wheel's sha256; the browser checks it (subresource integrity).
    def tamper(route):
        response = route.fetch()
        body = bytearray(response.body())
        body[len(body) // 2] ^= 0xFF
        route.fulfill(response=response, body=bytes(body))

    page.add_init_script(ENGINE_CLOCK)
    page.route("**/*.whl", tamper)
    page.goto(tree_url(SLUG))
    expect_failure_within_limit(page)


def wait_for(page, held: list) -> None:
    for _ in range(100):  # route handlers run while Playwright waits
        if held:
            return
        page.wait_for_timeout(100)
    assert held, "the request was held"


def walk_to_number_question(page):
    """Through the choice questions (the build's views, no engine needed) to a number question;
    returns that question's step on the path."""
    path = next(p for p in paths(SLUG) if any(s.question.kind == "number" for s in p.steps))
    index = next(i for i, s in enumerate(path.steps) if s.question.kind == "number")
    walk(page, path.steps[:index])
    expect_question(page, path.steps[index].question.id)
    return path.steps[index]


def type_numbers(page, step) -> None:
    form = question(page)
    raw = step.raw_answer()
    for field in step.question.fields:
        form.get_by_label(plain(field.label), exact=True).fill(raw[field.id])
    form.get_by_role("button", name="Neste").click()


def test_a_number_answer_given_while_pyodide_boots_waits_visibly_then_goes_on(page):
    held = []
    page.route("**/*.wasm", lambda route: held.append(route))
    page.goto(tree_url(SLUG))
    step = walk_to_number_question(page)
    type_numbers(page, step)

    widget = page.locator(WIDGET)
    expect(widget.locator(".hk-loading")).to_be_visible()
    expect(widget.locator(".hk-loading")).to_contain_text("Laster")
    expect(widget.locator(".hk-loading progress")).to_be_visible()
    expect(widget.locator("[role=status]")).to_have_text("Laster …")
    expect(widget).to_have_attribute("data-engine", "loading")
    expect(widget).to_have_attribute("aria-busy", "true")

    wait_for(page, held)
    for route in held:
        route.continue_()
    wait_ready(page)
    if step.option.next in TREES[SLUG].questions:
        expect_question(page, step.option.next)
    else:
        expect(widget.locator(".hk-outcome h2")).to_have_text(plain(TREES[SLUG].outcomes[step.option.next].title))
    expect(widget.locator(".hk-loading")).to_have_count(0)
    assert widget.get_attribute("aria-busy") is None


def test_an_engine_error_is_shown_not_swallowed(page):
    # A worker whose engine throws on "answer" stands in for an engine that breaks its contract.
    def refuse_answers(route):
        response = route.fetch()
        body = response.text().replace("  return dispatch;\n", """  return (method, args) => {
    if (method === "answer") throw new Error("kontraktbrudd");
    return dispatch(method, args);
  };\n""")
        assert body != response.text()
        route.fulfill(response=response, body=body)

    page.route("**/tree-worker.js", refuse_answers)
    page.goto(tree_url(SLUG))
    wait_ready(page)
    # Choice answers come from the build; a number answer goes to the engine.
    type_numbers(page, walk_to_number_question(page))
    box = page.locator(f"{WIDGET} .hk-failure")
    expect(box).to_contain_text("Noe gikk galt")
    expect(box.locator("h2")).to_be_focused()
    box.get_by_role("button", name="Start på nytt").click()
    expect_question(page, TREES[SLUG].start)
