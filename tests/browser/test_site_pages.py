"""Every page, in a real browser, in the light and the dark palette: nothing leaves the origin, nothing is
logged as an error, axe finds nothing, and it is Norwegian.

One page per palette visits every page in turn (the pages are independent of each other, so isolation is
not what is tested here); each visit is checked on its own requests and messages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import new_context
from tests.browser.search_box import type_query
from tools.devserver import page_paths

pytestmark = pytest.mark.browser

PAGES = page_paths()  # from the project's sources: nothing is built at collection


def english_ui_strings() -> set[str]:
    """Material's English UI strings; none of them may show up on our Norwegian pages."""
    import material

    en = (Path(material.__file__).parent / "templates/partials/languages/en.html").read_text(encoding="utf-8")
    strings = set(re.findall(r'^\s*"[a-z.]+": "([^"]+)"', en, re.M))
    # Values that are not words, or that read the same in Norwegian.
    return {s for s in strings if re.search(r"[A-Za-z]{3}", s) and s not in {"RSS feed", "ltr", "en"}}


@pytest.fixture(scope="module", params=["light", "dark"])
def visitor(browser, base_url, request):
    """One context and page per palette for the whole module; `errors` holds what the page logged."""
    context = new_context(browser, base_url, request.param)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield SimpleNamespace(page=page, context=context, errors=errors, scheme=request.param)
    context.close()
    assert not context.guard.foreign, f"forespørsler til tredjepart: {context.guard.foreign}"


def visit(visitor, path: str):
    """Open `path` and return the third-party requests this visit made (the context aborts them)."""
    before = len(visitor.context.guard.foreign)
    visitor.errors.clear()
    visitor.page.goto(path, wait_until="networkidle")
    return visitor.context.guard.foreign[before:]


def test_the_page_list_has_the_main_pages():
    assert {"", "retningslinje/", "faq/", "om/"} <= set(PAGES)


@pytest.mark.parametrize("path", PAGES)
def test_page_is_clean_accessible_and_norwegian(visitor, axe, path):
    page = visitor.page
    foreign = visit(visitor, path)
    assert not foreign, f"forespørsler til tredjepart: {foreign}"
    assert page.locator("h1").count() == 1
    assert not visitor.errors, visitor.errors
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == ("slate" if visitor.scheme == "dark" else "default")
    violations = axe(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=1)
    if visitor.scheme == "light":  # the words are the same in both palettes
        shown = page.evaluate(
            """() => {
                const out = [];
                for (const el of document.querySelectorAll('*')) {
                    for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'data-md-component-label'])
                        if (el.getAttribute(a)) out.push(el.getAttribute(a));
                }
                out.push(document.body.innerText);
                return out;
            }"""
        )
        text = "\n".join(shown)
        found = sorted(s for s in english_ui_strings() if re.search(rf"(?<![\w]){re.escape(s)}(?![\w])", text))
        assert not found, f"Engelsk tekst på {path or 'forsiden'}: {found}"
        assert page.evaluate("document.documentElement.lang") == "nb"


def test_axe_on_open_search_dialog(visitor, axe):
    page = visitor.page
    visit(visitor, "")
    # Not while the results of a part of the word are still being replaced by those of the whole.
    type_query(page, "hjemmekontor")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ treff"))
    # The dialog and its results fade in; axe takes colours as they are at that moment, and halfway
    # through the fade the links' contrast is too low (this raced). Wait until nothing moves.
    page.wait_for_function("() => document.querySelector('.md-search').getAnimations({subtree: true}).length === 0")
    violations = axe(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=1)
