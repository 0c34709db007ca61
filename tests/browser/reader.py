"""What a reader does that Playwright's shortcuts skip."""

from __future__ import annotations


def scroll_then_click(page, link) -> None:
    """Scroll to a link and click it once Material has recorded the scroll, as a reader does.

    Material's instant navigation writes the scroll offset into history.state 100 ms after scrolling
    stops. Playwright's click scrolls and clicks at once, so that write can land on the new page's
    history entry, and Material then restores that offset instead of going to the link's anchor.
    """
    link.scroll_into_view_if_needed()
    page.wait_for_function("history.state !== null && Math.abs(history.state.y - scrollY) < 1")
    link.click()
