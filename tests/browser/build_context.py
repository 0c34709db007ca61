"""What the build knew when it rendered the site: the `extra` settings and the guideline's place names.

Tests that compare the page with a second rendering (the CLI's receipt) give it the same inputs.
"""

from __future__ import annotations

import functools
import importlib.util
import os

from tests.conftest import ROOT


@functools.cache
def extra() -> dict:
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return {k: v for k, v in load_config(str(ROOT / "mkdocs.yml")).extra.items() if isinstance(v, str)}


@functools.cache
def anchor_labels() -> dict[str, str]:
    spec = importlib.util.spec_from_file_location("tree_pages_for_tests", ROOT / "hooks" / "tree_pages.py")
    import sys

    sys.path.insert(0, str(ROOT / "hooks"))
    try:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "hooks"))
    return module.anchor_labels((ROOT / "docs" / "retningslinje.md").read_text(encoding="utf-8"))
