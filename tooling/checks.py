"""What HR must update when the guideline changes, with file:line: every quote in the trees and the
pages that is no longer word for word under its anchor in the newest version (with what became of
it), every answer resting on text that changed since HR last read it (review.py), the warnings the
source parser raised, and outcomes naming an unknown external source. The build
(hooks/guideline_pages.py) and the CLI (`beslutningstre check`) both call `problems`.
"""

from __future__ import annotations

from guideline import external, quotes
from guideline.problems import Problem

from . import review
from .quotes import page_quotes, tree_quotes
from .registry import Content


def quote_problems(content: Content) -> list[Problem]:
    """Tree citations and page quotes (docs/*.md) checked against the newest version."""
    found = tree_quotes(content.trees.values())
    for page in sorted(content.project.docs.rglob("*.md")):
        found.extend(page_quotes(page))
    return quotes.check(found, content.versions)


def external_sources(content: Content) -> list[Problem]:
    """Every `external` id an outcome names is a source in kilde/eksterne-kilder.toml."""
    return [Problem(tree.source, outcome.line, f"utfallet «{outcome.id}» viser til den eksterne kilden «{source_id}», "
                    f"som ikke står i {external.FILE_NAME}")
            for tree in content.trees.values() for outcome in tree.outcomes.values() for source_id in outcome.external
            if source_id not in content.sources]


def problems(content: Content) -> list[Problem]:
    warnings = [w for version in content.versions for w in version.document.warnings]
    return warnings + quote_problems(content) + review.problems(content) + external_sources(content)
