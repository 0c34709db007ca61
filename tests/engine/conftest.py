"""Fixtures for the engine tests. These run under CPython and, unchanged, inside
Pyodide under Node (tests/pyodide/), so they use nothing but the standard
library, pytest, hypothesis and the repository's own packages."""

from __future__ import annotations

import sys

import pytest
from hypothesis import HealthCheck, settings

from decision_tree import api
from guideline import versions
from guideline.model import Document
from tests.content import COMMON, KILDE, TREES
from tooling.paths import outcome_document

IN_PYODIDE = sys.platform == "emscripten"

# Pyodide is slower and its mounted folder is the repository: no deadline, no example database there.
settings.register_profile(
    "engine-pyodide", deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60
)
settings.register_profile("engine", deadline=None, max_examples=150)
settings.load_profile("engine-pyodide" if IN_PYODIDE else "engine")


@pytest.fixture(scope="session")
def guideline() -> Document:
    """The guideline's newest version, parsed from kilde/ (what the build renders and checks against)."""
    return versions.load(KILDE)[-1].document


def walk(slug: str, *answers) -> dict:
    """Answer questions in order from the start; returns the last view.

    Each answer is an option id or a {field: text} dict. Fails the test if a
    step is rejected, so scenario tests read as the guideline's own steps.
    """
    view = api.view(slug, "")
    for value in answers:
        assert view["status"] == "question", view
        view = api.answer(slug, view["state"], view["node"], value)
        assert not view["errors"], view["errors"]
    return view


def result(view: dict) -> dict:
    """The outcome a view reached, as the tree data says it (the view itself carries only its id)."""
    assert view["status"] == "outcome", view
    return outcome_document(TREES[view["tree"]].outcomes[view["node"]], COMMON)


def quotes(view: dict) -> list[str]:
    """The guideline sentences the outcome a view reached quotes, in order."""
    return [c["quote"] for c in result(view)["citations"]]


@pytest.fixture
def walk_tree():
    return walk


def words(markdown: str) -> str:
    """Markdown as the words a reader sees: emphasis marks dropped, line breaks folded."""
    return " ".join(markdown.replace("**", "").split())
