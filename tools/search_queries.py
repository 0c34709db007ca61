"""The search query set (tests/search/queries.toml): loaded, split, and scored.

One home for what the search benchmark (tools/search_bench.py) and the search tests
(tests/search/, tests/browser/test_search*.py) both need. Tools never import tests; tests import this.

- `load()`: every query with its targets and its half ("tuning" or "heldout"); the file and its
  split are tooling/search_queries.py's, which `beslutningstre check` uses to say what lacks a query.
- `is_right(location, targets)`: a result answers when it is one of the targets, or lies on a
  decision tree's page that is a target (`beslutningstre/<slug>/`).
"""

from __future__ import annotations

from pathlib import Path

from tooling import search_queries
from tooling.project import Project
from tooling.search_queries import HALVES, Query

__all__ = ["HALVES", "Query", "first_right", "is_right", "load"]


def load(path: Path | None = None) -> list[Query]:
    return search_queries.load(path or Project(Path(__file__).resolve().parents[1]).queries)


def is_right(location: str, targets) -> bool:
    """`location` is a result's path and anchor relative to the site root (faq/#utstyr)."""
    return any(location == t or (t.endswith("/") and location.split("#")[0] == t) for t in targets)


def first_right(locations: list[str], targets) -> int | None:
    """The 1-based rank of the first right result, or None."""
    return next((n for n, loc in enumerate(locations, 1) if is_right(loc, targets)), None)
