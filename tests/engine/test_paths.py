"""Exhaustive: every path of every tree is driven through the API, ends in its
outcome, and that outcome's citations hold against the built guideline."""

from __future__ import annotations

import functools
import json

import pytest

from decision_tree import api
from guideline import quotes
from guideline.text import normalise
from tests.content import CONTENT, TREES
from tooling.paths import all_paths, paths_document
from tooling.quotes import tree_quotes

ALL = [(slug, n, path) for slug, tree in TREES.items() for n, path in enumerate(all_paths(tree))]


@pytest.mark.parametrize(("slug", "n", "path"), ALL, ids=[f"{s}-{n}-{p.outcome.id}" for s, n, p in ALL])
def test_every_path_ends_in_its_outcome_with_quotes_from_the_guideline(slug, n, path, guideline):
    view = api.view(slug, "")
    for step in path.steps:
        assert view["status"] == "question"
        assert view["node"] == step.question.id
        view = api.answer(slug, view["state"], step.question.id, step.raw_answer())
        assert not view["errors"]
    assert view["status"] == "outcome"
    assert view["node"] == path.outcome.id
    assert path.outcome.citations, "an outcome without a citation"
    for citation in path.outcome.citations:
        assert normalise(citation.quote) in guideline.anchor_text(citation.anchor)
    # The answers (the "why" trace) are the steps that led here, in order.
    assert [(a["question"], a["option"]) for a in view["answers"]] == [(s.question.id, s.option.id) for s in path.steps]
    # The state string reproduces the outcome on its own (a reload or a shared link).
    assert api.view(slug, view["state"])["node"] == path.outcome.id


@pytest.mark.parametrize("slug", list(TREES))
def test_every_outcome_and_every_option_is_reachable(slug):
    tree = TREES[slug]
    paths = all_paths(tree)
    assert {p.outcome.id for p in paths} == set(tree.outcomes)
    taken = {(s.question.id, s.option.id) for p in paths for s in p.steps}
    assert taken == {(q.id, o.id) for q in tree.questions.values() for o in q.options}


@pytest.mark.parametrize("slug", list(TREES))
def test_all_citations_hold(slug):
    assert quotes.check(tree_quotes([TREES[slug]]), CONTENT.versions) == []


@pytest.mark.parametrize("slug", list(TREES))
def test_path_count_is_what_the_graph_allows(slug):
    # Counted, not enumerated: an outcome is one path; a question has the paths of all its options.
    tree = TREES[slug]

    @functools.cache
    def count(node_id: str) -> int:
        question = tree.questions.get(node_id)
        return sum(count(o.next) for o in question.options) if question else 1

    paths = all_paths(tree)
    assert len(paths) == count(tree.start)
    assert len({tuple((s.question.id, s.option.id) for s in p.steps) for p in paths}) == len(paths)


def test_paths_json_shape_is_the_documented_contract():
    document = paths_document(TREES["hjemmearbeid"], CONTENT.catalog)
    json.dumps(document)
    assert set(document) >= {"tree", "title", "fingerprint", "guideline", "paths"}
    assert set(document["guideline"]) >= {"title", "version", "valid_from"}
    for path in document["paths"]:
        assert set(path) >= {"steps", "outcome"}
        for step in path["steps"]:
            assert set(step) >= {"question_id", "question", "kind", "option_id", "answer"}
            if step["kind"] == "number":
                assert set(step["range"]) >= {"from", "below", "of"}
                assert step["example"]
        assert set(path["outcome"]) >= {"id", "title", "text", "certainty", "certainty_label", "citations", "next_steps"}
        for citation in path["outcome"]["citations"]:
            assert set(citation) == {"anchor", "quote"}
    ranges = [s["range"] for p in document["paths"] for s in p["steps"] if s["kind"] == "number"]
    assert {"from": None, "below": 1, "of": "dager i uken i snitt"} in ranges
    assert {"from": 1, "below": None, "of": "dager i uken i snitt"} in ranges
