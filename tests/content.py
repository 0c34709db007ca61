"""The project's content as the tests read it: loaded and checked once (tooling.registry), with the
engine's catalog set, so `decision_tree.api` answers from the same trees. Tests that pin content read
it from here (kilde/ and the trees), never from a copy."""

from __future__ import annotations

from pathlib import Path

from tooling import registry

CONTENT = registry.current()
PROJECT = CONTENT.project
ROOT = PROJECT.root
KILDE = PROJECT.kilde
TREES = CONTENT.trees
COMMON = CONTENT.catalog.common
GUIDELINE = CONTENT.catalog.guideline
FIXTURES = Path(__file__).with_name("fixtures")  # test data of the tests' own, never shipped
