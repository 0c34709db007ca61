"""Every path through every tree, clicked through in the browser, ends in the engine's outcome.

For each path the test answers like a person (radio labels, typed numbers), then checks the
outcome the widget shows against decision_tree's own: title, certainty, every verbatim quote,
and that each quote links to an anchor that exists in the built guideline.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from decision_tree import api
from tests.browser.widget import (
    SLUGS,
    WIDGET,
    current_state,
    guideline_ids,
    open_tree,
    outcome,
    paths,
    plain,
    walk,
)
from tests.content import COMMON, GUIDELINE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("slug", SLUGS)
def test_every_path_reaches_the_engines_outcome(page, slug):
    common = COMMON
    open_tree(page, slug)
    for path in paths(slug):
        walk(page, path.steps)
        shown = outcome(page)
        expect(shown.locator("h2")).to_have_text(plain(path.outcome.title))
        expect(shown.locator(".hk-certainty")).to_contain_text(common.certainties[path.outcome.certainty].label)

        quotes = shown.locator(".hk-citation")
        expect(quotes).to_have_count(len(path.outcome.citations))
        for i, citation in enumerate(path.outcome.citations):
            expect(quotes.nth(i).locator("blockquote")).to_have_text(f"«{citation.quote}»")
            href = quotes.nth(i).locator("a").evaluate("a => a.href")
            parts = urlsplit(href)
            assert parts.path.endswith(f"/{GUIDELINE.page}/"), href  # the newest version's page
            assert parts.fragment == citation.anchor and citation.anchor in guideline_ids(), href

        answers = page.locator(f"{WIDGET} .hk-answer")
        expect(answers).to_have_count(len(path.steps))
        for i, step in enumerate(path.steps):
            expect(answers.nth(i).locator("dt")).to_have_text(plain(step.question.text))

        # The address bar holds the same outcome, as the engine reads it.
        state = current_state(page)
        assert state and api.view(slug, state)["node"] == path.outcome.id

        page.get_by_role("button", name="Start på nytt").click()
        assert current_state(page) is None
