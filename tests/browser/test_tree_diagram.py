"""The Mermaid diagram on tree pages: loaded only when the reader gets near it, drawn in the
palette's colours, accessible, and honest when it cannot be drawn."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_widget_navigation import base_url, mark_document, still_same_document  # noqa: F401
from tests.browser.widget import open_tree, tree_url
from tests.content import TREES

pytestmark = pytest.mark.browser

SLUG = "hjemmearbeid"
DIAGRAM = ".hk-diagram"
MERMAID = "mermaid.min.js"


def mermaid_requests(context) -> int:
    return sum(1 for url in context.guard.requests if url.endswith(MERMAID))


def expect_drawn(page, slug: str) -> None:
    tree = TREES[slug]
    expect(page.locator(DIAGRAM)).to_have_attribute("data-diagram", "drawn", timeout=30_000)
    svg = page.locator(f"{DIAGRAM} .mermaid svg")  # Playwright looks into the open shadow root
    expect(svg).to_be_visible()
    expect(svg.locator("title")).to_have_text(f"Diagram over beslutningstreet «{tree.title}»")
    expect(svg.locator("g.node")).to_have_count(len(tree.questions) + len(tree.outcomes))
    expect(page.locator(f"{DIAGRAM} .hk-diagram__status")).to_have_count(0)


@pytest.mark.parametrize("context", ["light", "dark"], indirect=True)
def test_mermaid_loads_only_when_the_reader_scrolls_to_the_diagram(page, context, axe):
    open_tree(page, SLUG)
    expect(page.locator(f"{DIAGRAM} .hk-diagram__status")).to_have_text(
        "Diagrammet tegnes når du blar ned hit.")
    # The engine is ready well after the page's own scripts ran: an eager load would show by now.
    assert mermaid_requests(context) == 0, "Mermaid is not fetched for a diagram nobody has seen"

    page.locator("#diagram").scroll_into_view_if_needed()
    expect_drawn(page, SLUG)
    assert mermaid_requests(context) == 1
    violations = axe(page)
    assert not violations, violations


def test_a_link_to_the_diagram_draws_it(page):
    page.goto(tree_url(SLUG, "#diagram"))
    expect_drawn(page, SLUG)


def test_a_diagram_that_cannot_load_says_so_in_norwegian(page, context):
    page.route(f"**/{MERMAID}", lambda route: route.abort())
    page.goto(tree_url(SLUG, "#diagram"))
    status = page.locator(f"{DIAGRAM} .hk-diagram__status")
    expect(status).to_have_text("Diagrammet kunne ikke vises. Oversikten over, «Hele treet», viser det samme.")
    expect(page.locator(DIAGRAM)).to_have_attribute("data-diagram", "failed")
    expect(page.locator(".hk-outline")).to_be_visible()


def test_without_javascript_a_note_stands_in_for_the_diagram(browser, base_url):  # noqa: F811
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(tree_url(SLUG, "#diagram"))
    expect(page.locator(f"{DIAGRAM} .hk-diagram__status")).to_have_text(
        "Diagrammet vises når JavaScript er slått på.")
    expect(page.locator(f"{DIAGRAM} pre")).to_be_hidden()
    context.close()


def test_instant_navigation_draws_the_next_trees_diagram_with_the_same_mermaid(page, context):
    first, second = list(TREES)[:2]
    page.goto(tree_url(first, "#diagram"))
    expect_drawn(page, first)
    mark_document(page)

    page.locator(".md-nav--primary").get_by_role("link", name=TREES[second].title).first.click()
    expect(page).to_have_url(re.compile(rf"/beslutningstre/{second}/$"))
    # The address changes before Material swaps the page in: until then "#diagram" is the first
    # tree's heading, about to be detached (this raced). Wait for the second tree's content.
    expect(page.locator(f'.hk-widget[data-hk-tree="{second}"]')).to_be_attached()
    page.locator("#diagram").scroll_into_view_if_needed()
    expect_drawn(page, second)
    assert still_same_document(page), "the second tree came through instant navigation"
    assert mermaid_requests(context) == 1, "Mermaid is loaded once per visit"
