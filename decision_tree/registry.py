"""THE loader: the trees and their shared data, loaded and checked once.

The build, the CLI and the tests read the TOML files (`load_files`, or the
cached `trees()` and `common()`); the browser's engine gets the build's JSON
bundle instead (`use_bundle`), already checked. Checks themselves live in
check.py, as pure functions over what is loaded here.
"""

from __future__ import annotations

from pathlib import Path

from . import bundle
from .model import Common, Tree
from .problems import Problem, TreeError

_loaded: tuple[dict[str, Tree], Common] | None = None
KILDE = Path(__file__).resolve().parent.parent / "kilde"  # the guideline's source text, a file per version
PAGE = "retningslinje"  # the site page the trees' citations point at


def load_files(trees_dir=None, common_file=None, kilde=None) -> tuple[dict[str, Tree], Common | None, list[Problem]]:
    """Every tree by slug in display order, the shared data, and every problem found (file:line).

    Defaults: the package's trees/ and common.toml, and the guideline's newest version in the
    repository's kilde/. Imports the readers and the checks here, not at the top: the browser
    loads a bundle and never needs them (or tomllib).
    """
    import dataclasses

    from guideline import versions  # the repository's guideline package (build, CLI, tests)

    from . import load
    from .check import check_tree
    from .model import Guideline

    trees_dir = trees_dir or load.TREES_DIR
    common_file = common_file or load.COMMON_FILE
    try:
        common = load.load_common(common_file)
        found = versions.load(kilde or KILDE)
        # Citations lead to the newest version's text: retningslinje/ once it is in force, its own page before.
        page = versions.timeline(found).page(found[-1])
    except TreeError as exc:
        return {}, None, exc.problems
    meta = found[-1].document.meta
    guideline = Guideline(meta.title, meta.version, meta.valid_from, page, meta.approved_by)
    common = dataclasses.replace(common, guideline=guideline)
    problems: list[Problem] = []
    found = []
    for path in load.tree_files(trees_dir):
        try:
            tree = load.load_tree(path)
        except TreeError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(check_tree(tree, common))
        found.append(tree)
    trees = {t.slug: t for t in sorted(found, key=lambda t: (t.order, t.slug))}
    return trees, common, problems


def _get() -> tuple[dict[str, Tree], Common]:
    global _loaded
    if _loaded is None:
        trees, common, problems = load_files()
        if problems:
            raise TreeError(problems)
        _loaded = trees, common
    return _loaded


def trees() -> dict[str, Tree]:
    """Every tree by slug, in display order. Raises TreeError if any is broken."""
    return _get()[0]


def common() -> Common:
    return _get()[1]


def get(slug: object) -> Tree | None:
    return trees().get(slug) if isinstance(slug, str) else None


def use_bundle(data: dict) -> None:
    """Serve the trees of a bundle (bundle.py) from now on: the browser has no TOML files."""
    global _loaded
    _loaded = bundle.load(data)


def reload() -> None:
    """Forget what was loaded, so edited files are read again (`mkdocs serve`)."""
    global _loaded
    _loaded = None
