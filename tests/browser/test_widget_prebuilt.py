"""Steps the build computed (data-hk-views, hooks/tree_pages.py): every click that needs no number shows
its step at once, while Pyodide still boots, and exactly as the engine in the worker would show it:
the same markup, the same focus, the same announcement, the same address.

That the stored replies are the engine's own is proven in tests/pyodide/test_prebuilt_views.py.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from decision_tree import api
from tests.browser.test_widget_state import longest_choice_path
from tests.browser.widget import (
    WIDGET,
    answer,
    current_state,
    expect_question,
    outcome,
    plain,
    question,
    tree_url,
    wait_ready,
)
from tests.content import TREES

pytestmark = pytest.mark.browser

SLUG = "hjemmearbeid"
STATUS = f"{WIDGET} [role=status]"


def hold_the_engine(page) -> None:
    """The wasm never arrives: nothing the engine in the browser would compute can be shown."""
    page.route("**/*.wasm", lambda route: None)


def wait_for_state(page, state: str) -> None:
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("svar", [""])[0] == state)


def expect_step(page, view: dict, number: int | None = None) -> None:
    """The widget shows `view` (decision_tree.api's), its heading has focus, and it was announced."""
    tree = TREES[SLUG]
    if view["status"] == "question":
        expect_question(page, view["node"])
        heading = question(page).locator(".hk-title")
        expect(page.locator(STATUS)).to_have_text(f"Spørsmål {view['asked']}")
    else:
        heading = outcome(page).locator("h2")
        expect(heading).to_have_text(plain(tree.outcomes[view["node"]].title))
        expect(page.locator(STATUS)).to_have_text(f"Resultat: {plain(tree.outcomes[view['node']].title)}")
    expect(heading).to_be_focused()
    assert (current_state(page) or "") == view["state"]
    expect(page.locator(f"{WIDGET} .hk-answer")).to_have_count(len(view["answers"]))
    back = page.locator(f'{WIDGET} [data-action="back"]')
    if view["status"] == "question" and view["can_go_back"]:
        expect(back).to_be_visible()
    elif view["status"] == "question":
        expect(back).to_be_hidden()
    else:
        expect(back).to_have_count(0)


def test_every_choice_step_shows_while_the_engine_is_still_loading(page, context):
    hold_the_engine(page)
    page.goto(tree_url(SLUG))
    widget = page.locator(WIDGET)
    path = longest_choice_path(SLUG)

    # Nothing chosen: the engine's own message, from the build.
    message = api.answer(SLUG, "", path.steps[0].question.id, "")["errors"]["_"]
    question(page).get_by_role("button", name="Neste").click()
    expect(widget.locator(".hk-error-summary")).to_contain_text(message)
    expect(widget.locator(".hk-error-summary")).to_be_focused()

    state = ""
    for step in path.steps:
        answer(page, step)
        view = api.answer(SLUG, state, step.question.id, step.option.id)
        wait_for_state(page, view["state"])
        expect_step(page, view)
        state = view["state"]

    # «Endre» on the first answer, the same answer again, then «Tilbake»: all from the build.
    widget.locator(".hk-answer").first.get_by_role("button", name="Endre").click()
    view = api.change(SLUG, state, path.steps[0].question.id)
    wait_for_state(page, view["state"])
    expect_step(page, view)
    question(page).get_by_role("button", name="Neste").click()
    view = api.answer(SLUG, view["state"], path.steps[0].question.id, path.steps[0].option.id)
    wait_for_state(page, view["state"])
    expect_step(page, view)
    if view["status"] == "question" and view["can_go_back"]:
        widget.get_by_role("button", name="Tilbake").click()
        view = api.back(SLUG, view["state"])
        wait_for_state(page, view["state"])
        expect_step(page, view)

    # The browser's back button, and a link to a step, need no engine either.
    page.go_back()
    wait_for_state(page, api.change(SLUG, state, path.steps[0].question.id)["state"])
    expect_question(page, path.steps[0].question.id)
    other = context.new_page()
    hold_the_engine(other)
    other.goto(tree_url(SLUG, f"?svar={state}"))
    expect(outcome(other).locator("h2")).to_have_text(plain(path.outcome.title))
    assert widget.get_attribute("data-engine") == "loading"
    assert other.locator(WIDGET).get_attribute("data-engine") == "loading"
    other.close()


# The widget's state after each step, as a reader's browser has it.
SNAPSHOT = """() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const widget = document.querySelector(".hk-widget");
    done({body: widget.querySelector(".hk-body").innerHTML, focus: document.activeElement.outerHTML,
          status: widget.querySelector("[role=status]").textContent, address: location.search,
          checked: [...widget.querySelectorAll("input:checked")].map((input) => input.value)});
})))"""


def walk_and_record(page) -> list[dict]:
    """Nothing chosen, a path of choice answers, «Endre», the same answer, «Tilbake», «Start på nytt»."""
    path = longest_choice_path(SLUG)
    page.goto(tree_url(SLUG))
    wait_ready(page)
    widget = page.locator(WIDGET)
    seen = []
    question(page).get_by_role("button", name="Neste").click()
    expect(widget.locator(".hk-error-summary")).to_be_focused()
    seen.append(page.evaluate(SNAPSHOT))
    state = ""
    for step in path.steps:
        answer(page, step)
        state = api.answer(SLUG, state, step.question.id, step.option.id)["state"]
        wait_for_state(page, state)
        seen.append(page.evaluate(SNAPSHOT))
    widget.locator(".hk-answer").first.get_by_role("button", name="Endre").click()
    state = api.change(SLUG, state, path.steps[0].question.id)["state"]
    wait_for_state(page, state)
    seen.append(page.evaluate(SNAPSHOT))
    question(page).get_by_role("button", name="Neste").click()
    view = api.answer(SLUG, state, path.steps[0].question.id, path.steps[0].option.id)
    wait_for_state(page, view["state"])
    seen.append(page.evaluate(SNAPSHOT))
    if view["status"] == "question" and view["can_go_back"]:
        widget.get_by_role("button", name="Tilbake").click()
        wait_for_state(page, api.back(SLUG, view["state"])["state"])
        seen.append(page.evaluate(SNAPSHOT))
    widget.get_by_role("button", name="Start på nytt").click()
    wait_for_state(page, "")
    seen.append(page.evaluate(SNAPSHOT))
    return seen


def test_a_step_from_the_build_is_shown_exactly_as_one_from_the_engine(context, page):
    prebuilt = walk_and_record(page)

    # The same page without the build's steps: every step comes from the engine in the worker.
    def without_prebuilt(route):
        response = route.fetch()
        body = response.text()
        stripped = re.sub(r" data-hk-views='[^']*'", "", body)
        assert stripped != body
        route.fulfill(response=response, body=stripped)

    engine_only = context.new_page()
    engine_only.route(re.compile(rf"/beslutningstre/{SLUG}/(\?.*)?$"), without_prebuilt)
    from_engine = walk_and_record(engine_only)
    assert engine_only.locator(WIDGET).get_attribute("data-hk-views") is None
    engine_only.close()

    assert len(prebuilt) == len(from_engine) >= 5
    for n, (a, b) in enumerate(zip(prebuilt, from_engine)):
        assert a == b, f"step {n}: {a} != {b}"
