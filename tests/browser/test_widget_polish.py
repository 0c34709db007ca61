"""What readers saw in real browsers: «Tilbake» on the first question, a diagram shrunk to unreadable
text, and an error summary heading before the question's own heading."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import AXE
from tests.browser.test_widget_fallback import walk_to_number_question
from tests.browser.widget import (
    SLUGS,
    WIDGET,
    answer,
    expect_question,
    paths,
    plain,
    question,
    tree_url,
    wait_ready,
)
from tests.content import TREES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("slug", SLUGS)
def test_tilbake_shows_only_where_there_is_a_step_to_go_back_to(page, slug):
    page.goto(tree_url(slug))
    back = page.locator(f'{WIDGET} [data-action="back"]')
    expect_question(page, TREES[slug].start)
    expect(back).to_have_count(1)
    expect(back).to_be_hidden()
    path = next((p for p in paths(slug) if len(p.steps) > 1), None)
    if path is None:
        return
    answer(page, path.steps[0])
    expect_question(page, path.steps[1].question.id)
    expect(back).to_be_visible()


def headings(page) -> list[str]:
    """The widget's headings in reading order, as "h2: text"."""
    return page.locator(f"{WIDGET} .hk-body").locator("h1, h2, h3, h4").evaluate_all(
        "hs => hs.map(h => h.tagName.toLowerCase() + ': ' + h.textContent.trim())")


def heading_order_violations(page) -> list:
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'rule', values: ['heading-order']}}))
        .violations.map(v => v.nodes.map(n => n.target.join(' ')))""")


def test_the_error_summary_comes_under_the_questions_heading(page):
    slug = "hjemmearbeid"
    page.goto(tree_url(slug))
    question(page).get_by_role("button", name="Neste").click()
    summary = page.locator(f"{WIDGET} .hk-error-summary")
    expect(summary).to_be_focused()
    found = headings(page)
    assert found[0] == f"h2: {plain(TREES[slug].questions[TREES[slug].start].text)}", found
    assert found[1].startswith("h3: "), found
    assert heading_order_violations(page) == []

    # The same for a number question's errors, which come from the engine.
    step = walk_to_number_question(page)
    wait_ready(page)
    for field in step.question.fields:
        question(page).get_by_label(plain(field.label), exact=True).fill("-1")
    question(page).get_by_role("button", name="Neste").click()
    expect(summary).to_be_focused()
    found = headings(page)
    assert found[0].startswith("h2: ") and found[1].startswith("h3: "), found
    assert heading_order_violations(page) == []


@pytest.mark.parametrize("width", [1280, 390])
def test_the_diagram_text_is_as_large_as_the_page_text_and_scrolls_instead(browser, base_url, width):
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(tree_url("hjemmearbeid", "#diagram"))
    diagram = page.locator(".hk-diagram")
    expect(diagram).to_have_attribute("data-diagram", "drawn", timeout=30_000)
    sizes = page.evaluate("""() => {
        const host = document.querySelector('.hk-diagram .mermaid');
        const svg = host.shadowRoot.querySelector('svg');
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const labels = [...host.shadowRoot.querySelectorAll('.nodeLabel')]
            .map(l => parseFloat(getComputedStyle(l).fontSize) * scale);
        const body = parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize);
        return {smallest: Math.min(...labels), body,
                wide: host.scrollWidth > host.clientWidth, pageWide: document.documentElement.scrollWidth > innerWidth};
    }""")
    assert sizes["smallest"] >= sizes["body"] - 0.01, sizes
    assert not sizes["pageWide"], "the diagram scrolls in its own box, not the page"
    assert sizes["wide"], sizes  # this tree is wider than the column at its text size
    # Wider than the column: a named region that the keyboard can scroll.
    region = page.get_by_role("region", name="Diagrammet er bredere enn siden: rull sideveis for å se resten.")
    expect(region).to_have_count(1)
    region.focus()
    before = region.evaluate("r => r.scrollLeft")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"document.querySelector('.hk-diagram .mermaid').scrollLeft > {before}")
    context.close()
