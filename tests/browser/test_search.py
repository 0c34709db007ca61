"""Search works in Norwegian: typical employee queries find the right section."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.search_box import type_query

# query -> section anchors that count as the right answer (guideline point or FAQ entry)
EXPECTED = {
    "hytte": {"retningslinje/#punkt-1", "faq/#hytte"},
    "yrkesskade": {"retningslinje/#forsikring", "faq/#skade-i-lunsjpausen", "faq/#forsikring"},
    "lunsjpause": {"retningslinje/#forsikring", "faq/#skade-i-lunsjpausen"},
    "brukket fot": {"retningslinje/#kortvarig", "faq/#brukket-fot"},
    "headset": {"retningslinje/#punkt-9", "faq/#utstyr"},
    "utlandet": {"retningslinje/#punkt-5", "faq/#utlandet"},
}


def search(page, query: str) -> list[str]:
    """Type into Material's search and return result links, best first, relative to the site root."""
    page.goto("")
    type_query(page, query)
    hrefs = page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)")
    # Keep path and fragment; drop the origin and Material's ?h= highlight parameter.
    return [urlsplit(h).path.lstrip("/") + (f"#{urlsplit(h).fragment}" if urlsplit(h).fragment else "") for h in hrefs]


@pytest.mark.parametrize("query", EXPECTED)
def test_search_finds_the_right_section(page, query):
    links = search(page, query)
    # Results come grouped by page, each with its matching sections. Look at the first three pages.
    pages = list(dict.fromkeys(link.split("#")[0] for link in links))[:3]
    top = [link for link in links if link.split("#")[0] in pages]
    assert set(top) & EXPECTED[query], f"«{query}» ga {top}, ventet en av {sorted(EXPECTED[query])}"


def test_search_ui_is_norwegian(page):
    page.goto("")
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "Søk i retningslinjen"
    type_query(page, "qqqzzz")
    assert page.locator(".md-search-result__meta").inner_text().strip() == "Ingen treff"
