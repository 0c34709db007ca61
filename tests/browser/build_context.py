"""What the build knew when it rendered the site: the `extra` settings and the guideline's place names.

Tests that compare the page with a second rendering (the CLI's receipt) give it the same inputs.
"""

from __future__ import annotations

import functools
import os

from tests.content import CONTENT, ROOT


@functools.cache
def extra() -> dict:
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return {k: v for k, v in load_config(str(ROOT / "mkdocs.yml")).extra.items() if isinstance(v, str)}


@functools.cache
def anchor_labels() -> dict[str, str]:
    """The place names citations carry: the newest guideline version's, as hooks/tree_pages.py gives them."""
    return CONTENT.labels()
