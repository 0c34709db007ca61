"""Fixtures for the engine tests. These run under CPython and, unchanged, inside
Pyodide under Node (tests/pyodide/), so they use nothing but the standard
library, pytest, hypothesis and the repository's own packages."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, settings

from decision_tree import api
from guideline import versions
from guideline.model import Document
from guideline.text import normalise
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


def guideline_sentences(anchor: str) -> list[str]:
    """The sentences standing directly under `anchor` in the newest guideline version in kilde/."""
    document = versions.load(KILDE)[-1].document
    return [normalise(s.text) for s in document.sentences() if s.anchors[0] == anchor]


def cited(outcome: dict, anchor: str) -> list[str]:
    """What an outcome (as `result` gives it) quotes under `anchor`."""
    return [normalise(c["quote"]) for c in outcome["citations"] if c["anchor"] == anchor]


def cites_sentence(outcome: dict, anchor: str, sentence: str) -> bool:
    """Whether the outcome quotes `sentence` of `anchor`: whole, from its start (a main clause), or all but a list
    letter or a few words."""
    return any(sentence in quote
               or (quote in sentence and (sentence.startswith(quote) or len(quote) >= 0.8 * len(sentence)))
               for quote in cited(outcome, anchor))


def cites_all_of(outcome: dict, anchor: str) -> bool:
    """Whether the outcome quotes every sentence under `anchor` in the newest guideline version."""
    return all(cites_sentence(outcome, anchor, sentence) for sentence in guideline_sentences(anchor))


def shares_five_words(ours: str, theirs: str) -> bool:
    """Whether two texts have five words in a row in common (case and punctuation aside)."""
    a, b = (re.findall(r"\w+", t.lower()) for t in (ours, theirs))
    grams = {tuple(b[i:i + 5]) for i in range(len(b) - 4)}
    return any(tuple(a[i:i + 5]) in grams for i in range(len(a) - 4))


# Words that give a sentence of ours to the guideline: "Retningslinjen sier at …", "Den sier …", "Setningen om …".
ATTRIBUTED = re.compile(r"[Rr]etningslinjen|\b[Dd]en sier\b|\bstår det\b|\b[Ss]etningen\b|\b[Aa]vsnittet\b")
