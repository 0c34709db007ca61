"""Accessibility of the widget: axe in every state, light and dark; keyboard only; focus and
announcements; Material's single-key shortcuts stay quiet inside the widget."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from decision_tree import api
from tests.browser.widget import (
    WIDGET,
    expect_question,
    open_tree,
    outcome,
    paths,
    plain,
    question,
    tree_url,
    wait_ready,
    walk,
)
from tests.content import TREES

pytestmark = pytest.mark.browser

SLUG = "hjemmearbeid"
SEARCH_INPUT = "input.md-search__input"


def no_violations(axe, page, state: str) -> None:
    violations = axe(page)
    assert not violations, f"{state}: {violations}"


@pytest.mark.parametrize("context", ["light", "dark"], indirect=True)
def test_axe_finds_nothing_in_any_widget_state(page, axe, context):
    open_tree(page, SLUG)
    no_violations(axe, page, "spørsmål")

    question(page).get_by_role("button", name="Neste").click()
    expect(page.locator(f"{WIDGET} .hk-error-summary")).to_be_visible()
    no_violations(axe, page, "feil (valg)")

    path = next(p for p in paths(SLUG) if any(s.question.kind == "number" for s in p.steps))
    index = next(i for i, s in enumerate(path.steps) if s.question.kind == "number")
    walk(page, path.steps[:index])
    # The last answer goes to the engine; fill in the number question only once it is shown.
    expect_question(page, path.steps[index].question.id)
    form = question(page)
    for field in path.steps[index].question.fields:
        form.get_by_label(plain(field.label), exact=True).fill("-1")
    form.get_by_role("button", name="Neste").click()
    expect(page.locator(f"{WIDGET} .hk-field--error").first).to_be_visible()
    no_violations(axe, page, "feil (tall)")

    walk(page, path.steps[index:])
    expect(outcome(page)).to_be_visible()
    outcome(page).locator("summary", has_text="Hvorfor?").click()
    no_violations(axe, page, "resultat")

    page.goto(tree_url(SLUG, "?svar=ugyldig"))
    wait_ready(page)
    expect(page.locator(f"{WIDGET} .hk-invalid")).to_be_visible()
    no_violations(axe, page, "ugyldig lenke")


def test_keyboard_only_walk_moves_focus_and_announces(page):
    open_tree(page, SLUG)
    path = paths(SLUG)[0]
    for number, step in enumerate(path.steps, start=1):
        expect_question(page, step.question.id)
        radios = question(page).get_by_role("radio")
        radios.first.focus()
        # Arrow keys move through a radio group and choose as they go.
        target = [o.id for o in step.question.options].index(step.option.id)
        for _ in range(target):
            page.keyboard.press("ArrowDown")
        if target == 0:
            page.keyboard.press("Space")
        expect(question(page).locator(f'input[value="{step.option.id}"]')).to_be_checked()
        page.keyboard.press("Tab")
        expect(question(page).get_by_role("button", name="Neste")).to_be_focused()
        page.keyboard.press("Enter")
        if number < len(path.steps):
            # Focus goes to the next question's heading, and the change is announced.
            heading = page.locator(f"{WIDGET} .hk-question .hk-title")
            expect(heading).to_be_focused()
            expect(heading).to_have_text(plain(path.steps[number].question.text))
            expect(page.locator(f"{WIDGET} [role=status]")).to_have_text(f"Spørsmål {number + 1}")
    result = outcome(page).locator("h2")
    expect(result).to_be_focused()
    expect(result).to_have_text(plain(path.outcome.title))
    expect(page.locator(f"{WIDGET} [role=status]")).to_have_text(f"Resultat: {plain(path.outcome.title)}")

    # Every control of the result is reached by Tab, in reading order.
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        text = page.evaluate("""() => { const a = document.activeElement;
            return a.closest('.hk-widget') ? a.textContent.trim() : null }""")
        if text is None:
            break
        seen.append(text)
    expected = ["Retningslinjen,", "Hvorfor?", "Kopier lenke", "Skriv ut", "Send e-post til lederen din", "Endre",
                "Start på nytt"]
    found = [next((i for i, s in enumerate(seen) if s.startswith(e)), None) for e in expected]
    assert None not in found and found == sorted(found), seen


def test_error_summary_takes_focus_and_points_to_the_field(page):
    open_tree(page, SLUG)
    question(page).get_by_role("button", name="Neste").click()
    summary = page.locator(f"{WIDGET} .hk-error-summary")
    expect(summary).to_be_focused()
    message = api.answer(SLUG, "", TREES[SLUG].start, "")["errors"]["_"]
    summary.get_by_role("button", name=message).click()
    expect(question(page).get_by_role("radio").first).to_be_focused()


def test_materials_shortcuts_do_not_fire_inside_the_widget(page):
    open_tree(page, SLUG)
    url = page.url
    # Material's page keys ("n", "p", ".", ",") click a link to the next or previous page, and the
    # address changes only when that page has arrived: read right after the key it has not moved yet.
    # The click happens during the key press, so record (and stop) every link click instead.
    page.evaluate("""() => { window.__linkClicks = [];
        document.addEventListener("click", (event) => {
            const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
            if (link) { window.__linkClicks.push(link.href); event.preventDefault(); }
        }, true); }""")
    question(page).get_by_role("radio").first.focus()
    for key in ("s", "f", "/", "n", "p", ".", ","):
        page.keyboard.press(key)
        expect(page.locator(SEARCH_INPUT)).not_to_be_focused()
        assert page.evaluate("window.__linkClicks") == [], f"'{key}' followed a link"
        assert page.url == url, f"'{key}' navigated"
    expect(question(page).get_by_role("radio").first).to_be_focused()

    # Outside the widget the same keys go to the next page and open search: the checks above can fail.
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("n")
    assert page.evaluate("window.__linkClicks"), "'n' outside the widget followed no link"
    page.keyboard.press("s")
    expect(page.locator(SEARCH_INPUT)).to_be_focused()


@pytest.mark.parametrize("width", [390])
def test_fits_a_phone_screen(browser, base_url, width):
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(tree_url(SLUG))
    wait_ready(page)
    walk(page, paths(SLUG)[0].steps)
    expect(outcome(page)).to_be_visible()
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('.hk-widget *')]
              .filter(el => !el.closest('.hk-visually-hidden'))  // clipped to 1 px: read out, never seen
              .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
              .map(el => el.tagName + '.' + el.className)""")
    assert not overflow, overflow
    context.close()
