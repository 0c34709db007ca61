"""The site's search box, driven like a person: open it with "/", type, wait for the answer.

Shared by the search benchmark (tools/search_bench.py) and the browser tests
(tests/browser/search_box.py re-exports it). Tools never import tests.
"""

from __future__ import annotations

from urllib.parse import urlsplit

META = ".md-search-result__meta"
FIELD = "input.md-search__input"
# The results a reader sees, in the order shown. Every link in the list is counted unless it is
# folded away (Material folds all but the best section of a page into "N flere treff") or is a
# page heading Material lists with score 0 when only its sections matched.
_SHOWN = """() => [...document.querySelectorAll('.md-search-result__list .md-search-result__link')]
  .filter(a => !a.closest('details:not([open])'))
  .filter(a => parseFloat(a.querySelector('article')?.dataset.mdScore || '0') > 0)
  .map(a => a.href)"""
_ANSWERED = "/\\d+ treff|Ingen treff/"


def open_search(page) -> None:
    """Open search on the current page with Material's shortcut and wait until it can answer."""
    page.keyboard.press("/")
    page.wait_for_function(f"() => !/Starter/.test(document.querySelector('{META}')?.textContent)")


def enter(page, query: str) -> None:
    """Replace what the open search box holds with `query`; return once the results shown are those of
    the whole query. The box is emptied first (the old results go), then the query is put in whole and
    one key (End) is pressed, so a search that answers on key-up also sees it once."""
    field = page.locator(FIELD)
    field.press("Control+a")
    field.press("Backspace")
    page.wait_for_function(f"() => !{_ANSWERED}.test(document.querySelector('{META}')?.textContent)")
    field.fill(query)
    field.press("End")
    page.wait_for_function(f"() => {_ANSWERED}.test(document.querySelector('{META}')?.textContent)")


def type_query(page, query: str) -> None:
    """Open search on the current page and enter `query`."""
    open_search(page)
    enter(page, query)


def _relative(href: str) -> str:
    parts = urlsplit(href)
    return parts.path.lstrip("/") + (f"#{parts.fragment}" if parts.fragment else "")


def shown(page, base_path: str = "/") -> list[str]:
    """The results as the reader sees them, best first: path and anchor relative to the site root,
    without origin or query string."""
    out = []
    for href in page.evaluate(_SHOWN):
        rel = _relative(href)
        prefix = base_path.lstrip("/")
        out.append(rel[len(prefix):] if prefix and rel.startswith(prefix) else rel)
    return out
