"""The pages of the built site, read from its sitemap (so new pages are tested without editing tests)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from tests.conftest import SITE


def page_paths(site: Path = SITE) -> list[str]:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    return [urlsplit(loc).path.lstrip("/") for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
