"""Exhaustive: every path of every tree is driven through the API, ends in its
outcome, and that outcome's citations hold against the built guideline."""

from __future__ import annotations

import json

import pytest

from decision_tree import api, registry
from decision_tree.check import check_citations
from decision_tree.guideline import normalise
from decision_tree.paths import all_paths, paths_document

ALL = [(slug, n, path) for slug, tree in registry.trees().items() for n, path in enumerate(all_paths(tree))]


@pytest.mark.parametrize(("slug", "n", "path"), ALL, ids=[f"{s}-{n}-{p.outcome.id}" for s, n, p in ALL])
def test_every_path_ends_in_its_outcome_with_quotes_from_the_guideline(slug, n, path, guideline):
    view = api.start(slug)
    for step in path.steps:
        assert view["status"] == "question"
        assert view["question"]["id"] == step.question.id
        view = api.answer(slug, view["state"], step.question.id, step.raw_answer())
        assert not view["errors"]
    assert view["status"] == "outcome"
    outcome = view["outcome"]
    assert outcome["id"] == path.outcome.id
    assert outcome["citations"], "an outcome without a citation"
    for citation in outcome["citations"]:
        assert normalise(citation["quote"]) in guideline.anchors[citation["anchor"]]
    # The "why" trace is the answers that led here, in order.
    assert [w["question_id"] for w in outcome["why"]] == [s.question.id for s in path.steps]
    # The state string reproduces the outcome on its own (a reload or a shared link).
    assert api.view(slug, view["state"])["outcome"]["id"] == path.outcome.id


@pytest.mark.parametrize("slug", list(registry.trees()))
def test_every_outcome_and_every_option_is_reachable(slug):
    tree = registry.get(slug)
    paths = all_paths(tree)
    assert {p.outcome.id for p in paths} == set(tree.outcomes)
    taken = {(s.question.id, s.option.id) for p in paths for s in p.steps}
    assert taken == {(q.id, o.id) for q in tree.questions.values() for o in q.options}


@pytest.mark.parametrize("slug", list(registry.trees()))
def test_all_citations_hold(slug, guideline):
    assert check_citations(registry.get(slug), guideline) == []


def test_tree_sizes_are_what_hr_reviews():
    counts = {slug: len(all_paths(tree)) for slug, tree in registry.trees().items()}
    assert counts == {"hjemmearbeid": 7, "yrkesskade": 9, "reise": 3, "utstyr": 3}


def test_paths_json_shape_is_the_documented_contract():
    document = paths_document(registry.get("hjemmearbeid"), registry.common())
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
