"""Helpers for the widget tests: open a tree page, answer like a person would, read the result.

The paths to walk come from the engine itself (decision_tree.paths), so the browser is checked
against what Python decides, never against a second copy of the rules.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect

from tests.conftest import SITE
from tests.content import TREES
from tooling.paths import PathStep, all_paths

WIDGET = ".hk-widget"
# Cold boot of Pyodide on a busy 2-core machine; the product's own limit is 10 s.
READY_TIMEOUT_MS = 30_000

SLUGS = list(TREES)


def tree_url(slug: str, query: str = "") -> str:
    return f"beslutningstre/{slug}/{query}"


def open_tree(page: Page, slug: str, query: str = "", *, ready: bool = True) -> None:
    page.goto(tree_url(slug, query))
    expect(page.locator(f"{WIDGET} .hk-body > *").first).to_be_visible()
    if ready:
        wait_ready(page)


def wait_ready(page: Page) -> None:
    expect(page.locator(WIDGET)).to_have_attribute("data-engine", "ready", timeout=READY_TIMEOUT_MS)


def question(page: Page):
    return page.locator(f"{WIDGET} .hk-body form.hk-question")


def expect_question(page: Page, question_id: str) -> None:
    expect(page.locator(f'{WIDGET} .hk-body form.hk-question[data-question="{question_id}"]')).to_be_visible()


def answer(page: Page, step: PathStep) -> None:
    """Answer the current question the way `step` does: by its label, or by typing numbers."""
    expect_question(page, step.question.id)
    form = question(page)
    raw = step.raw_answer()
    if step.question.kind == "choice":
        form.get_by_role("radio", name=plain(step.option.label), exact=True).check()
    else:
        for field in step.question.fields:
            form.get_by_label(plain(field.label), exact=True).fill(raw[field.id])
    form.get_by_role("button", name="Neste").click()


def walk(page: Page, steps) -> None:
    for step in steps:
        answer(page, step)


def outcome(page: Page):
    return page.locator(f"{WIDGET} .hk-body .hk-outcome")


def current_state(page: Page) -> str | None:
    values = parse_qs(urlsplit(page.url).query).get("svar")
    return values[0] if values else None


def plain(markdown: str) -> str:
    """The visible text of a short Markdown string (labels may carry emphasis or links)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"(\*\*|__|\*|_)(.+?)\1", r"\2", text).strip()


@cache
def paths(slug: str):
    return all_paths(TREES[slug])


@cache
def guideline_ids() -> set[str]:
    """Every id in the built guideline page: the anchors citations may link to."""

    class Ids(HTMLParser):
        def __init__(self):
            super().__init__()
            self.ids: set[str] = set()

        def handle_starttag(self, tag, attrs):
            for name, value in attrs:
                if name == "id" and value:
                    self.ids.add(value)

    parser = Ids()
    parser.feed((SITE / "retningslinje" / "index.html").read_text(encoding="utf-8"))
    return parser.ids
