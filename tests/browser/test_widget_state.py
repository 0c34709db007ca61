"""The widget's state in the address bar, and moving through the answers.

After every action the widget must show exactly what the engine says for the state in the
URL (`?svar=`), so each check compares the page with decision_tree.api's view of that state.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from decision_tree import api
from tests.browser.widget import (
    WIDGET,
    answer,
    current_state,
    expect_question,
    open_tree,
    outcome,
    paths,
    plain,
    question,
    wait_ready,
    walk,
)
from tests.content import TREES

pytestmark = pytest.mark.browser

SLUG = "hjemmearbeid"


def engine_view(slug: str, page) -> dict:
    return api.view(slug, current_state(page) or "")


def shown_answer(slug: str, answer: dict) -> str:
    """An answer as the page shows it: the option's label, or the engine's description of the numbers."""
    return answer["text"] or plain(TREES[slug].questions[answer["question"]].option(answer["option"]).label)


def expect_engine_view(page, slug: str = SLUG) -> dict:
    """The widget shows the engine's view of the URL's state: the question (with its stored
    answer selected) or the outcome, and the same "Dine svar"."""
    wait_ready(page)
    view = engine_view(slug, page)
    tree = TREES[slug]
    if view["status"] == "question":
        expect_question(page, view["node"])
        if tree.questions[view["node"]].kind == "choice" and view["selected"]:
            expect(question(page).locator(f'input[value="{view["selected"]}"]')).to_be_checked()
        elif tree.questions[view["node"]].kind == "choice":
            expect(question(page).locator("input:checked")).to_have_count(0)
    else:
        expect(outcome(page).locator("h2")).to_have_text(plain(tree.outcomes[view["node"]].title))
    answers = page.locator(f"{WIDGET} .hk-answer dd:not(.hk-answer__change)")
    expect(answers).to_have_text([shown_answer(slug, a) for a in view["answers"]])
    return view


def longest_choice_path(slug: str = SLUG):
    candidates = [p for p in paths(slug) if all(s.question.kind == "choice" for s in p.steps)]
    return max(candidates, key=lambda p: len(p.steps))


def test_reload_and_a_shared_link_reproduce_the_step(page, context):
    path = longest_choice_path()
    assert len(path.steps) >= 3
    open_tree(page, SLUG)
    walk(page, path.steps[:2])
    expect_question(page, path.steps[2].question.id)
    mid_url = page.url
    assert current_state(page)

    page.reload()
    wait_ready(page)
    view = expect_engine_view(page)
    assert view["node"] == path.steps[2].question.id and len(view["answers"]) == 2

    answer(page, path.steps[2])
    walk(page, path.steps[3:])
    expect(outcome(page)).to_be_visible()
    outcome_url = page.url

    # Someone else opens the links: a fresh tab gets the same step and the same outcome.
    other = context.new_page()
    other.goto(mid_url)
    wait_ready(other)
    expect_engine_view(other)
    other.goto(outcome_url)
    view = expect_engine_view(other)
    assert view["node"] == path.outcome.id
    other.close()


def test_browser_back_and_forward_step_through_the_answers(page):
    path = longest_choice_path()
    open_tree(page, SLUG)
    walk(page, path.steps[:3])
    # The third answer is pushed to history when the engine replies; going back before that
    # would skip a step. Wait until the address holds all three answers.
    state = ""
    for step in path.steps[:3]:
        state = api.answer(SLUG, state, step.question.id, step.raw_answer())["state"]
    page.wait_for_url(f"**?svar={state}")
    urls = []
    for expected in (path.steps[2], path.steps[1], path.steps[0]):
        page.go_back()
        expect_question(page, expected.question.id)
        expect_engine_view(page)
        urls.append(page.url)
    assert current_state(page) is None, "the first question has a clean address"
    page.go_forward()
    expect_question(page, path.steps[1].question.id)
    expect_engine_view(page)
    assert page.url == urls[1]


def test_tilbake_and_endre_keep_what_still_applies(page):
    path = longest_choice_path()
    open_tree(page, SLUG)
    walk(page, path.steps)
    expect(outcome(page)).to_be_visible()
    before = current_state(page)

    # "Endre" on the first answer asks that question again, with the old answer selected.
    page.locator(f"{WIDGET} .hk-answer").first.get_by_role("button", name="Endre").click()
    expect_question(page, path.steps[0].question.id)
    expect(question(page).locator(f'input[value="{path.steps[0].option.id}"]')).to_be_checked()
    assert current_state(page) == api.change(SLUG, before, path.steps[0].question.id)["state"]
    expect_engine_view(page)

    # Giving the same answer again goes on with the later answers kept, as the engine says.
    expected = api.answer(SLUG, current_state(page), path.steps[0].question.id, path.steps[0].option.id)
    question(page).get_by_role("button", name="Neste").click()
    # The address changes when the engine replies; reading it before then compares the page
    # with the previous step's view (this raced in CI).
    page.wait_for_url(f"**?svar={expected['state']}")
    view = expect_engine_view(page)
    assert view["state"] == expected["state"]
    assert len(view["answers"]) == len(path.steps)

    # "Tilbake" goes one question back.
    if view["status"] == "question":
        expected = api.back(SLUG, current_state(page))
        page.locator(WIDGET).get_by_role("button", name="Tilbake").click()
        expect_question(page, expected["node"])
        expect_engine_view(page)


def test_start_again_clears_answers_and_address(page):
    path = longest_choice_path()
    open_tree(page, SLUG)
    walk(page, path.steps)
    expect(outcome(page)).to_be_visible()
    page.locator(WIDGET).get_by_role("button", name="Start på nytt").click()
    expect_question(page, TREES[SLUG].start)
    assert current_state(page) is None
    expect(page.locator(f"{WIDGET} .hk-answers")).to_have_count(0)
    expect(question(page).locator("input:checked")).to_have_count(0)
    # Back from a restart returns to the outcome.
    page.go_back()
    expect(outcome(page)).to_be_visible()


# Garbage, a format-1 link to a tree shape that never existed, a broken escape, and an overlong one.
@pytest.mark.parametrize("bad", ["ikke-en-tilstand", "1000000.0.1", "1%00%ff", "9" * 300])
def test_a_bad_link_says_so_and_offers_a_restart(page, bad):
    expected = api.view(SLUG, bad)
    assert expected["status"] == "invalid" and expected["invalid"] == "link"
    open_tree(page, SLUG, f"?svar={bad}")
    box = page.locator(f"{WIDGET} .hk-invalid")
    expect(box).to_be_visible()
    expect(box).to_contain_text("Lenken virker ikke")
    box.get_by_role("button", name="Start på nytt").click()
    expect_question(page, TREES[SLUG].start)
    assert current_state(page) is None


def test_number_question_errors_come_from_the_engine_and_keep_what_was_typed(page):
    path = next(p for p in paths(SLUG) if any(s.question.kind == "number" for s in p.steps))
    index = next(i for i, s in enumerate(path.steps) if s.question.kind == "number")
    number_q = path.steps[index].question
    open_tree(page, SLUG)
    walk(page, path.steps[:index])
    expect_question(page, number_q.id)

    typed = {number_q.fields[0].id: "mange", number_q.fields[1].id: "0"}
    expected = api.answer(SLUG, current_state(page), number_q.id, typed)
    assert expected["errors"], "the engine rejects these numbers"
    form = question(page)
    for field in number_q.fields:
        form.get_by_label(plain(field.label), exact=True).fill(typed[field.id])
    state_before = current_state(page)
    form.get_by_role("button", name="Neste").click()

    summary = page.locator(f"{WIDGET} .hk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    for field_id, message in expected["errors"].items():
        expect(summary).to_contain_text(message)
        if field_id != "_":
            field = form.locator(f'input[name="{field_id}"]')
            expect(field).to_have_attribute("aria-invalid", "true")
            described = field.get_attribute("aria-describedby").split()
            assert any(message in page.locator(f"#{d}").inner_text() for d in described), described
    for field in number_q.fields:
        expect(form.get_by_label(plain(field.label), exact=True)).to_have_value(typed[field.id])
    assert current_state(page) == state_before, "a rejected answer does not move the address"

    # Fixed numbers go on.
    answer(page, path.steps[index])
    expect(page.locator(f"{WIDGET} .hk-error-summary")).to_have_count(0)
    walk(page, path.steps[index + 1:])
    expect(outcome(page).locator("h2")).to_have_text(plain(path.outcome.title))


def test_choosing_nothing_gets_the_engines_message(page):
    open_tree(page, SLUG)
    expected = api.answer(SLUG, "", TREES[SLUG].start, "")
    question(page).get_by_role("button", name="Neste").click()
    expect(page.locator(f"{WIDGET} .hk-error-summary")).to_contain_text(expected["errors"]["_"])
    expect(page.locator(f"{WIDGET} fieldset .hk-error")).to_contain_text(expected["errors"]["_"])
