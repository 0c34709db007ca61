"""Material's search box, driven like a person: open it with "/", type, wait for the answer."""

from __future__ import annotations

from urllib.parse import urlsplit

META = ".md-search-result__meta"
FIELD = "input.md-search__input"
# The results a reader sees, in the order shown: Material groups them by page and folds all but the best
# section of a page into "N flere treff"; a page's own heading is listed with score 0 when only its
# sections matched. So: scored results, not folded away.
_SHOWN = """() => [...document.querySelectorAll('.md-search-result__link')]
  .filter(a => !a.closest('details:not([open])'))
  .filter(a => parseFloat(a.querySelector('article')?.dataset.mdScore || '0') > 0)
  .map(a => a.href)"""


def open_search(page) -> None:
    """Open search on the current page and wait for its index (loaded in a worker)."""
    page.keyboard.press("/")  # Material's shortcut focuses the search field
    page.wait_for_function(f"() => !/Starter/.test(document.querySelector('{META}')?.textContent)")


def enter(page, query: str) -> None:
    """Replace what the open search box holds with `query`; return once the results shown are those of the
    whole query. Material searches on keyup, and shows each answer as its worker sends it: after typing key by
    key the first "N treff" may belong to a prefix of the query (on a slow machine it often does), and a
    character such as "ø" typed last sends no keyup at all. So the box is emptied first (one keyup, the old
    results go), the query is put in whole, and one key (End) makes one search."""
    field = page.locator(FIELD)
    field.press("Control+a")
    field.press("Backspace")
    page.wait_for_function(f"() => !/treff/.test(document.querySelector('{META}')?.textContent)")
    field.fill(query)
    field.press("End")
    page.wait_for_function(f"() => /\\d+ treff|Ingen treff/.test(document.querySelector('{META}')?.textContent)")


def type_query(page, query: str) -> None:
    """Open search on the current page and enter `query`."""
    open_search(page)
    enter(page, query)


def shown(page) -> list[str]:
    """The results as the reader sees them, best first: path and anchor, without origin or Material's ?h=."""
    out = []
    for href in page.evaluate(_SHOWN):
        parts = urlsplit(href)
        out.append(parts.path.lstrip("/") + (f"#{parts.fragment}" if parts.fragment else ""))
    return out
