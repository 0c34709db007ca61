"""Material's search box, driven like a person: open it with "/", type, wait for the answer."""

from __future__ import annotations

META = ".md-search-result__meta"


def type_query(page, query: str) -> None:
    """Open search on the current page, wait for its index and enter `query`; return once the
    results shown are those of the whole query."""
    # The index loads in a worker; until it is ready the meta line says "Starter søk".
    page.keyboard.press("/")  # Material's shortcut focuses the search field
    page.wait_for_function(f"() => !/Starter/.test(document.querySelector('{META}')?.textContent)")
    # Material searches on every keyup and shows each answer as its worker sends it, so after typing
    # key by key the first "N treff" may belong to a prefix of the query (on a slow machine it often
    # does). Put all but the last character in at once, then type the last: one real keyup, one search.
    page.locator("input.md-search__input").fill(query[:-1])
    page.keyboard.type(query[-1])
    page.wait_for_function(f"() => /\\d+ treff|Ingen treff/.test(document.querySelector('{META}')?.textContent)")
