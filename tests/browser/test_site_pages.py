"""Every page, in a real browser: nothing leaves the origin, axe finds nothing, and it is Norwegian."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.search_box import type_query
from tools.devserver import page_paths

PAGES = page_paths()


def english_ui_strings() -> set[str]:
    """Material's English UI strings; none of them may show up on our Norwegian pages."""
    import material

    en = (Path(material.__file__).parent / "templates/partials/languages/en.html").read_text(encoding="utf-8")
    strings = set(re.findall(r'^\s*"[a-z.]+": "([^"]+)"', en, re.M))
    # Values that are not words, or that read the same in Norwegian.
    return {s for s in strings if re.search(r"[A-Za-z]{3}", s) and s not in {"RSS feed", "ltr", "en"}}


def test_sitemap_lists_the_pages():
    assert {"", "retningslinje/", "faq/", "om/"} <= set(PAGES)


@pytest.mark.parametrize("path", PAGES)
def test_page_makes_no_third_party_request_and_logs_no_error(page, path):
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path, wait_until="networkidle")
    # The context fixture fails the test if any request went to another host.
    assert page.locator("h1").count() == 1
    assert not errors, errors


@pytest.mark.parametrize("context", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_wcag_violations(page, axe, path, context):
    page.goto(path, wait_until="networkidle")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == ("slate" if context.scheme == "dark" else "default")
    violations = axe(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("context", ["light", "dark"], indirect=True)
def test_axe_on_open_search_dialog(page, axe, context):
    page.goto("", wait_until="networkidle")
    # Not while the results of a part of the word are still being replaced by those of the whole.
    type_query(page, "hjemmekontor")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ treff"))
    # The dialog and its results fade in; axe takes colours as they are at that moment, and halfway
    # through the fade the links' contrast is too low (this raced). Wait until nothing moves.
    page.wait_for_function("() => document.querySelector('.md-search').getAnimations({subtree: true}).length === 0")
    violations = axe(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("path", PAGES)
def test_no_english_left_in_the_interface(page, path):
    page.goto(path, wait_until="networkidle")
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
