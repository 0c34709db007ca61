"""A version dated ahead, in the browser (the `upcoming` site of tests/conftest.py, built the day before it
takes effect): the changes page with header fields, list items and a new heading, the guideline page's
announcement and a tree's notice pass axe in light and dark; the notice's link leads to the quoted text."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import _run_axe, palette_page
from tests.content import TREES
from tools.devserver import serve

pytestmark = pytest.mark.browser
TREE = next(iter(TREES))


@pytest.fixture(scope="module")
def before_url(upcoming):
    with serve(upcoming.before) as url:
        yield url


@pytest.fixture(scope="module")
def before_page(browser, before_url, request):
    """One page per palette for the module: the tests only read what each page shows."""
    yield from palette_page(browser, before_url, getattr(request, "param", "light"))


@pytest.mark.parametrize("before_page", ["light", "dark"], indirect=True, scope="module")
@pytest.mark.parametrize("path", ["endringer/", "retningslinje/", f"beslutningstre/{TREE}/", "faq/"])
def test_pages_with_a_coming_version_pass_axe(before_page, path):
    before_page.goto(path)
    if path == "endringer/":
        expect(before_page.locator(".hk-diff ins").first).to_be_visible()
        expect(before_page.locator(".hk-diff li ins").first).to_be_visible()  # a list item as an item
    else:
        expect(before_page.locator(".admonition.info").first).to_be_visible()
    violations = _run_axe(before_page)
    assert not violations, violations


def test_the_trees_notice_leads_to_the_coming_versions_text(before_page, upcoming):
    newest = upcoming.versions[-1].number
    before_page.goto(f"beslutningstre/{TREE}/")
    notice = before_page.locator(".admonition.info").first
    expect(notice).to_contain_text(f"Svarene bygger på versjon {newest}")
    notice.get_by_role("link", name=f"Les versjon {newest}").click()
    expect(before_page).to_have_url(re.compile(rf"/retningslinje/versjon/{re.escape(newest)}/$"))
    starts = upcoming.versions[-1].document.meta.valid_from
    expect(before_page.locator("article.md-content__inner")).to_contain_text(f"Kommende versjon, gjelder fra {starts}")
