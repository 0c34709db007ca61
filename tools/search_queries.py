"""The search query set (tests/search/queries.toml): loaded, split, and scored.

One home for what the search benchmark (tools/search_bench.py) and the search tests
(tests/search/, tests/browser/test_search*.py) both need. Tools never import tests; tests import this.

- `load()`: every query with its targets and its half ("tuning" or "heldout").
- The split is by a hash of the query's text, so adding or reordering queries never moves another
  query from one half to the other.
- `is_right(location, targets)`: a result answers when it is one of the targets, or lies on a
  decision tree's page that is a target (`beslutningstre/<slug>/`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import tomllib
from pathlib import Path

from tools.devserver import ROOT

QUERIES = ROOT / "tests" / "search" / "queries.toml"
HALVES = ("tuning", "heldout")


@dataclasses.dataclass(frozen=True)
class Query:
    text: str
    targets: tuple[str, ...]

    @property
    def half(self) -> str:
        return HALVES[hashlib.sha256(self.text.encode("utf-8")).digest()[0] & 1]


def load(path: Path = QUERIES) -> list[Query]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Query(text, tuple(group["targets"])) for group in data["group"] for text in group["queries"]]


def is_right(location: str, targets) -> bool:
    """`location` is a result's path and anchor relative to the site root (faq/#utstyr)."""
    return any(location == t or (t.endswith("/") and location.split("#")[0] == t) for t in targets)


def first_right(locations: list[str], targets) -> int | None:
    """The 1-based rank of the first right result, or None."""
    return next((n for n, loc in enumerate(locations, 1) if is_right(loc, targets)), None)
