"""Where a project's files are: the one place that knows the folder layout.

A project is a folder with `mkdocs.yml`, the guideline's source texts in `kilde/`, the trees in
`content/`, the pages in `docs/` and the templates in `overrides/`. The build knows its project
from MkDocs' config file (`Project.of_config`); the CLI and the tests find it with `find`:

1. the folder in the environment variable HJEMMEKONTOR_PROSJEKT, if set;
2. else the working directory or the nearest folder above it that is a project (as git finds
   its repository);
3. else the project this package was installed from (`pip install .` or `-e .` records it,
   PEP 610), so the installed command works from any folder.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

ENVIRONMENT = "HJEMMEKONTOR_PROSJEKT"
DISTRIBUTION = "hjemmekontor"


class ProjectNotFound(Exception):
    """No project folder could be found; the message says what to do, in Norwegian."""


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def of_config(cls, config) -> Project:
        """The project a MkDocs build runs in: the folder of its mkdocs.yml."""
        return cls(Path(config.config_file_path).resolve().parent)

    @property
    def kilde(self) -> Path:
        """The guideline's source texts, one file per version, with oppsett.toml and eksterne-kilder.toml."""
        return self.root / "kilde"

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def trees(self) -> Path:
        return self.content / "trees"

    @property
    def common(self) -> Path:
        return self.content / "common.toml"

    @property
    def review(self) -> Path:
        """The review ledger: which answers HR has read against which guideline version."""
        return self.content / "review.toml"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def queries(self) -> Path:
        """The search queries in employees' own words, with the sections that answer each (HR)."""
        return self.root / "tests" / "search" / "queries.toml"

    @property
    def overrides(self) -> Path:
        return self.root / "overrides"

    @property
    def node_modules(self) -> Path:
        return self.root / "node_modules"

    @property
    def pyodide_npm(self) -> Path:
        """The Pyodide npm package the site serves its runtime from."""
        return self.node_modules / "pyodide"

    @property
    def tools(self) -> Path:
        """The build steps that run in Node (compile-stdlib.mjs, compile-wheel.mjs) and the dev tools."""
        return self.root / "tools"

    @property
    def cache(self) -> Path:
        """Expensive build steps' results, keyed on what goes into them (.cache/, not committed)."""
        return self.root / ".cache"

    def is_project(self) -> bool:
        return (self.root / "mkdocs.yml").is_file() and self.kilde.is_dir()


def find(start: Path | None = None) -> Project:
    """The project to work on (see the module's docstring). Raises ProjectNotFound."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen:
        project = Project(Path(chosen).resolve())
        if not project.is_project():
            raise ProjectNotFound(f"{ENVIRONMENT}={chosen} er ikke en prosjektmappe (fant ikke mkdocs.yml og kilde/).")
        return project
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if Project(folder).is_project():
            return Project(folder)
    installed = _installed_from()
    if installed is not None and installed.is_project():
        return installed
    raise ProjectNotFound(
        "Fant ikke prosjektmappen (med mkdocs.yml og kilde/). Kjør kommandoen i prosjektmappen, "
        f"eller sett {ENVIRONMENT}=/sti/til/prosjektet.")


def _installed_from() -> Project | None:
    """The local folder `pip install` took this package from, if it recorded one (PEP 610)."""
    try:
        record = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not record:
        return None
    url = urlsplit(json.loads(record).get("url", ""))
    return Project(Path(unquote(url.path))) if url.scheme == "file" else None
