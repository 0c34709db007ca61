"""The outcome's actions: "Kopier lenke", "Send e-post til lederen din" (mailto: with the receipt) and
"Skriv ut" (a print view of the receipt alone). The receipt is the build's text with the answers
and addresses filled in; it must read exactly as the CLI renders the same template."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import expect

from decision_tree.state import decode
from tests.browser.build_context import anchor_labels, extra
from tests.browser.widget import WIDGET, current_state, open_tree, outcome, paths, walk
from tests.content import CONTENT, TREES
from tooling.receipt import render

pytestmark = pytest.mark.browser

SLUG = "yrkesskade"


def reach_outcome(page):
    open_tree(page, SLUG)
    path = paths(SLUG)[0]
    walk(page, path.steps)
    expect(outcome(page)).to_be_visible()
    return path


def expected_receipt(page) -> str:
    """The same template as the CLI renders it: one text, whichever renders it."""
    tree = TREES[SLUG]
    state = decode(tree, current_state(page), CONTENT.catalog.guideline.version).state
    return render(CONTENT.project, tree, state, CONTENT.catalog, anchor_labels(), page.url.split("?")[0], extra())


def test_copy_link_puts_the_address_of_this_result_on_the_clipboard(page, context, base_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    reach_outcome(page)
    outcome(page).get_by_role("button", name="Kopier lenke").click()
    expect(page.locator(f"{WIDGET} [role=status]")).to_have_text("Lenken er kopiert.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.url and current_state(page) and "svar=" in copied


def test_mail_to_leader_carries_subject_and_the_engines_receipt(page):
    path = reach_outcome(page)
    mail = outcome(page).get_by_role("link", name="Send e-post til lederen din")
    receipt = expected_receipt(page)
    page.wait_for_function(
        "() => document.querySelector('.hk-body .hk-outcome__actions a[href^=\"mailto:\"]').href.includes('body=')"
        " && document.querySelector('.hk-receipt').textContent.length > 0")
    href = mail.get_attribute("href")
    assert href.startswith("mailto:?")
    query = parse_qs(urlsplit(href).query)
    assert path.outcome.title in query["subject"][0]
    body = unquote(href.split("body=", 1)[1])
    assert body == receipt.replace("\n", "\r\n")
    assert page.url in body, "the receipt links back to this result"


def test_print_shows_the_receipt_alone(page):
    reach_outcome(page)
    receipt = expected_receipt(page)
    page.wait_for_function("document.querySelector('.hk-receipt').textContent.length > 0")
    # Chromium headless returns from print() at once; record what the page looked like then.
    page.evaluate("""window.print = () => {
        window.__printedWithClass = document.documentElement.classList.contains('hk-printing'); }""")
    outcome(page).get_by_role("button", name="Skriv ut").click()
    assert page.evaluate("window.__printedWithClass") is True

    page.evaluate("document.documentElement.classList.add('hk-printing')")
    page.emulate_media(media="print")
    expect(page.locator(f"{WIDGET} .hk-receipt")).to_be_visible()
    expect(page.locator(f"{WIDGET} .hk-receipt")).to_have_text(receipt)
    for hidden in ("h1", ".md-header", f"{WIDGET} .hk-outcome h2", ".hk-outline", f"{WIDGET} .hk-answers"):
        expect(page.locator(hidden).first).to_be_hidden()

    # A plain Ctrl+P prints the page as it is, receipt excluded.
    page.evaluate("document.documentElement.classList.remove('hk-printing')")
    expect(page.locator(f"{WIDGET} .hk-outcome h2")).to_be_visible()
    expect(page.locator(f"{WIDGET} .hk-receipt")).to_be_hidden()
