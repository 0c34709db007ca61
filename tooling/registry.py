"""THE loader: a project's content read and checked once, for the build, the CLI and the tests.

- `read(project) -> (Content | None, problems)`: every guideline version in kilde/, the external
  sources, content/common.toml and every tree, with every problem found (file:line, Norwegian).
  Content is None when something is unusable.
- `load(project) -> Content`: the same, raising TreeError when there is any problem.
- `current(project=None) -> Content`: `load` of the project `project.find()` gives, cached, and
  installed as the engine's catalog (decision_tree.catalog), so `decision_tree.api` answers from it.

Whether quotes still stand in the guideline, and whether answers are reviewed against its newest
version, is checks.py's job: it needs the pages too.
"""

from __future__ import annotations

from dataclasses import dataclass

from decision_tree import catalog
from decision_tree.model import Catalog, Guideline, Tree
from guideline import external, versions
from guideline.external import Source
from guideline.problems import Problem, ProblemError
from guideline.versions import Timeline, Version

from . import load as loader
from .load import TreeError
from .project import Project, find
from .tree_checks import check_tree


@dataclass(frozen=True)
class Content:
    project: Project
    versions: tuple[Version, ...]  # oldest first
    timeline: Timeline  # which version is in force on the build date
    catalog: Catalog
    sources: dict[str, Source]  # kilde/eksterne-kilder.toml, by id

    @property
    def newest(self) -> Version:
        return self.versions[-1]

    @property
    def trees(self) -> dict[str, Tree]:
        return self.catalog.trees

    def labels(self) -> dict[str, str]:
        """Every anchor's place name in the newest version ("Punkt 8 b"), as the site shows it."""
        return self.newest.document.labels()


def read(project: Project) -> tuple[Content | None, list[Problem]]:
    problems: list[Problem] = []
    try:
        found = versions.load(project.kilde)
        timeline = versions.timeline(found)  # a wrong HJEMMEKONTOR_DATO is a problem too
        sources = external.load(project.kilde / external.FILE_NAME)
        common = loader.load_common(project.common)
    except ProblemError as exc:
        return None, exc.problems
    trees = []
    for path in loader.tree_files(project.trees):
        try:
            tree = loader.load_tree(path)
        except ProblemError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(check_tree(tree, common))
        trees.append(tree)
    meta = found[-1].document.meta
    # The answers rest on the newest version: their citations lead to its text (retningslinje/ once it
    # is in force, its own page before).
    guideline = Guideline(meta.title, meta.version, meta.valid_from, timeline.page(found[-1]), meta.approved_by)
    by_slug = {t.slug: t for t in sorted(trees, key=lambda t: (t.order, t.slug))}
    return Content(project, tuple(found), timeline, Catalog(by_slug, common, guideline), sources), problems


def load(project: Project) -> Content:
    content, problems = read(project)
    if problems or content is None:
        raise TreeError(problems)
    return content


_current: Content | None = None


def current(project: Project | None = None) -> Content:
    """The content of `project` (default: `project.find()`), loaded once and used by the engine."""
    global _current
    project = project or find()
    if _current is None or _current.project != project:
        _current = load(project)
    catalog.use(_current.catalog)
    return _current
