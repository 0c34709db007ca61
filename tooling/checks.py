"""What HR must update when the guideline changes: every quote in the trees and the pages that is
no longer word for word under its anchor in the newest version (file:line, with the closest
sentence now), the warnings the source parser raised, and outcomes naming an unknown external source. The build (hooks/guideline_pages.py)
and the CLI (`python -m decision_tree check`) both call `problems`.
"""

from __future__ import annotations

from pathlib import Path

from decision_tree.problems import Problem

from . import external
from .quotes import check, faq_quotes, tree_quotes
from .versions import Version, removed


def quotes(trees, docs_dir: Path, versions: list[Version]) -> list[Problem]:
    """Tree citations and page quotes (docs/*.md) checked against the newest version."""
    newest = versions[-1]
    found = tree_quotes(trees)
    for page in sorted(docs_dir.rglob("*.md")):
        found.extend(faq_quotes(page))
    return check(found, newest.document, newest.number, removed(versions))


def external_sources(trees, sources=None) -> list[Problem]:
    """Every `external` id an outcome names is a source in kilde/eksterne-kilder.toml."""
    sources = external.load() if sources is None else sources
    return [Problem(tree.source, outcome.line, f"utfallet «{outcome.id}» viser til den eksterne kilden «{source_id}», "
                    f"som ikke står i {external.SOURCES.name}")
            for tree in trees for outcome in tree.outcomes.values() for source_id in outcome.external
            if source_id not in sources]


def problems(trees, docs_dir: Path, versions: list[Version]) -> list[Problem]:
    trees = list(trees)
    warnings = [w for version in versions for w in version.document.warnings]
    return warnings + quotes(trees, docs_dir, versions) + external_sources(trees)
