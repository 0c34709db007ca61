"""Published links (guideline points, FAQ entries) never break: every listed anchor exists in the built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.content import CONTENT, REPO

LIST = REPO / "tests" / "site" / "published_anchors.txt"
_REFRESH = re.compile(r'<meta http-equiv="refresh" content="\d+;\s*url=([^"]+)"', re.I)


def published() -> list[tuple[str, str]]:
    rows = []
    for line in LIST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            page, _, anchor = line.strip().partition("#")
            rows.append((page, anchor))
    return rows


def resolve(site: Path, page: str) -> str:
    """The HTML served at a page path, following redirect pages left behind when a page moves."""
    for _ in range(5):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        moved = _REFRESH.search(html)
        if not moved:
            return html
        target = moved.group(1).split("#")[0]
        page = Path("/", page, target).resolve().as_posix().strip("/") + "/"
    raise AssertionError(f"for mange videresendinger fra {page}")


def test_list_is_not_empty():
    pages = {p for p, _ in published()}
    assert {"retningslinje/", "faq/"} <= pages and len(published()) >= 45


@pytest.mark.parametrize("page,anchor", published(), ids=lambda v: v)
def test_published_anchor_exists(site_dir, page, anchor):
    assert (site_dir / page / "index.html").exists(), f"siden {page} finnes ikke lenger (legg igjen en videresending)"
    html = resolve(site_dir, page)
    if page == "retningslinje/" and not re.search(rf'\sid="{re.escape(anchor)}"', html):
        # An anchor a coming version brings: retningslinje/ gets it on the date the version takes effect.
        line = CONTENT.timeline
        if line.pending:
            html = resolve(site_dir, f"{line.page(line.newest)}/")
    assert re.search(rf'\sid="{re.escape(anchor)}"', html), f"ankeret {page}#{anchor} er borte eller har nytt navn"


def test_every_heading_has_a_norwegian_permalink(site_dir):
    for page in ("retningslinje", "faq"):
        html = (site_dir / page / "index.html").read_text(encoding="utf-8")
        for anchor in re.findall(r'<h[1-6] id="([^"]+)"', html):
            link = re.search(rf'<a class="headerlink" href="#{re.escape(anchor)}" title="([^"]+)"', html)
            assert link, f"{page}#{anchor} mangler synlig permalenke"
            assert link.group(1) == "Lenke til denne delen"
