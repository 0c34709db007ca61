"""The packaged trees, loaded once and checked (graph checks; the guideline
check needs the built site and runs at build time and in tests)."""

from __future__ import annotations

import functools

from . import load
from .check import check_tree
from .model import Common, Tree
from .problems import TreeError


@functools.cache
def common() -> Common:
    return load.load_common()


@functools.cache
def trees() -> dict[str, Tree]:
    """Every tree by slug, in display order. Raises TreeError if any is broken."""
    problems = []
    found = []
    for path in load.tree_files():
        try:
            tree = load.load_tree(path)
        except TreeError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(check_tree(tree, common()))
        found.append(tree)
    if problems:
        raise TreeError(problems)
    return {t.slug: t for t in sorted(found, key=lambda t: (t.order, t.slug))}


def get(slug: object) -> Tree | None:
    return trees().get(slug) if isinstance(slug, str) else None
