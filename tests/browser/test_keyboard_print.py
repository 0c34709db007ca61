"""Keyboard use, visible focus, the palette toggle and the printed guideline.

The tests that open a page and press keys share one page (each opens its page afresh); the palette toggle,
whose choice the browser remembers, gets a context of its own."""

from __future__ import annotations

import pytest

from tests.browser.conftest import new_context
from tests.content import CONTENT
from tests.site import guideline_source as source

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def reader(browser, base_url):
    context = new_context(browser, base_url)
    page = context.new_page()
    yield page
    context.close()
    assert not context.guard.foreign, f"forespørsler til tredjepart: {context.guard.foreign}"


def test_skip_link_is_first_and_moves_to_content(reader):
    page = reader
    page.goto("retningslinje/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]")
    assert focused[0] == "Gå til innhold"
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "retningslinje"
    # The next Tab lands inside the article, past the header and the navigation.
    page.keyboard.press("Tab")
    where = page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
    assert page.evaluate("() => !!document.activeElement.closest('article')"), where


def test_keyboard_reaches_every_control_on_the_guideline(reader):
    page = reader
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("retningslinje/")
    expected = page.evaluate(
        """() => {
            const els = [...document.querySelectorAll(
                    'a[href], button, input, select, textarea, label[tabindex], [tabindex]:not([tabindex="-1"])')]
                .filter(e => e.checkVisibility({checkVisibilityCSS: true, checkOpacity: false}))
                .filter(e => !e.disabled && e.tabIndex >= 0)
                // Material's palette and drawer toggles are visually hidden inputs operated through their labels.
                .filter(e => !e.matches('input.md-option, input.md-toggle'))
                // "Back to top" appears only after scrolling; the Home key does the same.
                .filter(e => !e.matches('.md-top'));
            els.forEach((e, i) => e.dataset.kb = i);
            return els.length;
        }"""
    )
    seen = set()
    for _ in range(expected * 2 + 10):
        page.keyboard.press("Tab")
        kb = page.evaluate("() => document.activeElement?.dataset?.kb ?? null")
        if kb is not None:
            seen.add(int(kb))
        if len(seen) == expected:
            break
    missed = page.evaluate(
        """(seen) => [...document.querySelectorAll('[data-kb]')].filter(e => !seen.includes(+e.dataset.kb))
            .map(e => e.outerHTML.slice(0, 120))""",
        sorted(seen),
    )
    assert not missed, f"Ikke nåbar med Tab: {missed}"


def test_focus_is_visible_on_links_in_text(reader):
    page = reader
    page.goto("retningslinje/")
    # A link kilde/oppsett.toml puts into the guideline's own words.
    words = next(w for b in CONTENT.timeline.shown.document.blocks for w, target in b.pieces() if target)
    page.get_by_role("link", name=words).first.focus()
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }")
    assert style[0] != "none" and style[1] != "0px"


def test_palette_toggle_switches_between_light_and_dark(page):
    page.emulate_media(color_scheme="light")
    page.goto("")

    def scheme():
        return page.evaluate("document.body.getAttribute('data-md-color-scheme')")

    assert scheme() == "default"
    toggles = page.locator("form[data-md-component='palette'] label:visible")
    assert toggles.count() == 1
    label = toggles.first.get_attribute("title")
    assert label and label.startswith("Bytt til")
    toggles.first.click()  # automatic -> light
    page.locator("form[data-md-component='palette'] label:visible").first.click()  # light -> dark
    assert scheme() == "slate"
    page.reload()
    assert scheme() == "slate", "valget skal huskes mellom sider"


def test_print_shows_all_text_and_no_navigation(reader):
    page = reader
    page.goto("retningslinje/")
    page.emulate_media(media="print")
    shown = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer', '.md-search', '.md-top']
            .filter(s => document.querySelector(s)?.checkVisibility({checkVisibilityCSS: true}))"""
    )
    assert not shown, f"Navigasjon synlig på utskrift: {shown}"
    printed = " ".join(page.locator("article.md-content__inner").inner_text().split())
    missing = [p[:60] for p in source.paragraphs() if p not in printed]
    assert not missing, f"Mangler på utskrift: {missing}"
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000
