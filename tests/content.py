"""Where the tests find things, computed once: the repository they run from and the project they test.

- `REPO`: the repository (tests/, tools/, node_modules/, the Makefile). Here and in tools/devserver.py
  (tools never import tests) are the only places that compute it.
- `PROJECT`, `ROOT`, `KILDE`: the project under test, whose content the tests read: the repository,
  or another project when HJEMMEKONTOR_PROSJEKT names one (the drill runs the content tests on an
  edited copy). Content is loaded and checked once (tooling.registry), with the engine's catalog set,
  so `decision_tree.api` answers from the same trees. Tests that pin content read it from here
  (kilde/ and the trees), never from a copy.
"""

from __future__ import annotations

from pathlib import Path

from tooling import registry

REPO = Path(__file__).resolve().parent.parent

CONTENT = registry.current()
PROJECT = CONTENT.project
ROOT = PROJECT.root
KILDE = PROJECT.kilde
TREES = CONTENT.trees
COMMON = CONTENT.catalog.common
GUIDELINE = CONTENT.catalog.guideline
FIXTURES = REPO / "tests" / "fixtures"  # test data of the tests' own, never shipped
