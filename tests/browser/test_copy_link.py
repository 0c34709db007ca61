""""Kopier lenke" beside every FAQ answer and every guideline point: visible with JavaScript and not without,
used by keyboard, copies the page's full address with the anchor (also on plain http, where the Clipboard API
is missing), says "Lenken er kopiert." in a status region, and adds no WCAG violation in either palette."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.reader import scroll_then_click
from tests.content import CONTENT, GUIDELINE
from tooling import faq

pytestmark = pytest.mark.browser

COPIED = "Lenken er kopiert."
# Every FAQ entry, and every anchor of the guideline version on the page but its title (the page's own
# address), read from the data: a point new in a version gets its button without anyone listing it.
# (tests/site/test_published_anchors.py keeps the links already sent alive.)
SHOWN = CONTENT.timeline.shown.document
ANCHORS = [("faq/", entry.id) for entry in faq.entries(CONTENT.project.docs / "faq.md")] + [
    ("retningslinje/", anchor) for anchor in SHOWN.anchors() if anchor != SHOWN.blocks[0].anchor]


def button(page, anchor: str):
    return page.locator(f'[data-copy-link="{anchor}"] button')


def status(page, anchor: str):
    return page.locator(f'[data-copy-link="{anchor}"] [role=status]')


@pytest.fixture
def clipboard(context, base_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    return lambda page: page.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("path", ["faq/", "retningslinje/"])
def test_every_answer_and_point_has_a_visible_button(page, path):
    page.goto(path)
    anchors = [a for p, a in ANCHORS if p == path]
    assert len(anchors) >= (25 if path == "faq/" else 30)
    for anchor in anchors:
        expect(button(page, anchor)).to_be_visible()
        expect(button(page, anchor)).to_have_accessible_name(re.compile(r"^Kopier lenke til \S"))
    # One per place, none elsewhere (not on the title).
    assert page.locator("[data-copy-link]").count() == len(anchors)


def test_keyboard_copies_the_full_address_and_says_so(page, clipboard, base_url):
    # From a search result Material adds ?h=…; the link to send is the page's address and the anchor.
    page.goto("retningslinje/?h=leder#punkt-8b")
    page.locator('#punkt-8b > a.headerlink').focus()
    page.keyboard.press("Tab")
    expect(button(page, "punkt-8b")).to_be_focused()
    page.keyboard.press("Enter")
    expect(status(page, "punkt-8b")).to_have_text(COPIED)
    assert clipboard(page) == f"{base_url}retningslinje/#punkt-8b"
    # Space works too, and the newest message is the only one on the page.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    expect(button(page, "punkt-8a")).to_be_focused()
    page.keyboard.press(" ")
    expect(status(page, "punkt-8a")).to_have_text(COPIED)
    expect(status(page, "punkt-8b")).to_have_text("")
    assert clipboard(page) == f"{base_url}retningslinje/#punkt-8a"


def test_faq_answer_link(page, clipboard, base_url):
    page.goto("faq/")
    button(page, "egen-pc").click()
    expect(status(page, "egen-pc")).to_have_text(COPIED)
    assert clipboard(page) == f"{base_url}faq/#egen-pc"


def test_plain_http_without_the_clipboard_api_still_copies(page, context, clipboard, base_url):
    # An intranet on plain http has no navigator.clipboard (not a secure context): the fallback copies.
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})")
    page.goto("faq/")
    assert page.evaluate("navigator.clipboard === undefined")
    button(page, "kortvarig-eller-sporadisk").click()
    expect(status(page, "kortvarig-eller-sporadisk")).to_have_text(COPIED)
    expect(button(page, "kortvarig-eller-sporadisk")).to_be_focused()
    reader = context.new_page()
    reader.goto("")
    assert clipboard(reader) == f"{base_url}faq/#kortvarig-eller-sporadisk"


def test_without_javascript_no_button_shows_and_the_permalink_remains(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("retningslinje/")
        assert page.locator("[data-copy-link]").count() > 30
        for locator in page.locator("[data-copy-link]").all():
            expect(locator).to_be_hidden()
        expect(page.locator('#punkt-8b > a.headerlink')).to_have_attribute("href", "#punkt-8b")
    finally:
        context.close()


def test_showing_the_buttons_does_not_move_the_page(page, browser, base_url):
    # A link to a point lands on it only if nothing above it grows after the browser has scrolled there.
    page.goto("retningslinje/")
    expect(button(page, "punkt-9")).to_be_visible()
    with_script = page.evaluate("document.getElementById('punkt-9').getBoundingClientRect().top + scrollY")
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        plain = context.new_page()
        plain.goto("retningslinje/")
        without = plain.evaluate("document.getElementById('punkt-9').getBoundingClientRect().top + scrollY")
    finally:
        context.close()
    assert with_script == without


def test_a_link_to_a_point_from_another_page_lands_on_it(page):
    # The FAQ links to the newest version's page: retningslinje/, or its own page until it takes effect.
    page.goto("faq/")
    scroll_then_click(page, page.locator(f'a[href$="/{GUIDELINE.page}/#punkt-6"]').first)  # instant navigation
    expect(page).to_have_url(re.compile(rf"/{re.escape(GUIDELINE.page)}/#punkt-6$"))
    expect(button(page, "punkt-6")).to_be_visible()
    expect(page.locator("#punkt-6")).to_be_in_viewport()


def test_buttons_come_with_instant_navigation(page):
    page.goto("")
    page.locator(".md-nav--primary").get_by_role("link", name="Spørsmål og svar", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/faq/$"))
    expect(button(page, "forsikring")).to_be_visible()


@pytest.mark.parametrize("context", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("path", ["faq/", "retningslinje/"])
def test_axe_with_buttons_and_a_message_shown(page, axe, clipboard, path, context):
    page.goto(path, wait_until="networkidle")
    anchor = "forsikring" if path == "faq/" else "punkt-7a"
    button(page, anchor).click()
    expect(status(page, anchor)).to_have_text(COPIED)
    violations = axe(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=1)
