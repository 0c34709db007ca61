"""The trees the engine answers from, set once per process.

In the browser the worker hands the build's JSON bundle to `api.load`, which calls `use_bundle`;
in the build, the CLI and the tests the project's tooling reads the TOML files, checks them and
calls `use`. The engine itself never reads a file.
"""

from __future__ import annotations

from . import bundle
from .model import Catalog, Tree

_current: Catalog | None = None


def use(catalog: Catalog) -> None:
    global _current
    _current = catalog


def use_bundle(data: dict) -> None:
    use(bundle.load(data))


def current() -> Catalog:
    if _current is None:
        raise RuntimeError("no trees loaded: call catalog.use() or api.load() first")
    return _current


def get(slug: object) -> Tree | None:
    return current().trees.get(slug) if isinstance(slug, str) else None
