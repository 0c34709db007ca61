"""Exhaustive: every path of every tree is driven through the API and ends in its outcome, with the
answers that led there and a state that reproduces it. (That every outcome and every option can be
reached is the tree check's job, tooling/tree_checks.py, tested in test_checks.py; that the quotes
hold, test_guideline_text.py's.)"""

from __future__ import annotations

import json

import pytest

from decision_tree import api, numbers
from tests.content import CONTENT, TREES
from tooling.paths import all_paths, paths_document

ALL = [(slug, n, path) for slug, tree in TREES.items() for n, path in enumerate(all_paths(tree))]


@pytest.mark.parametrize(("slug", "n", "path"), ALL, ids=[f"{s}-{n}-{p.outcome.id}" for s, n, p in ALL])
def test_every_path_ends_in_its_outcome(slug, n, path):
    view = api.view(slug, "")
    for step in path.steps:
        assert view["status"] == "question"
        assert view["node"] == step.question.id
        view = api.answer(slug, view["state"], step.question.id, step.raw_answer())
        assert not view["errors"]
    assert view["status"] == "outcome"
    assert view["node"] == path.outcome.id
    # The answers (the "why" trace) are the steps that led here, in order.
    assert [(a["question"], a["option"]) for a in view["answers"]] == [(s.question.id, s.option.id) for s in path.steps]
    # The state string reproduces the outcome on its own (a reload or a shared link).
    assert api.view(slug, view["state"])["node"] == path.outcome.id


@pytest.mark.parametrize("slug", list(TREES))
def test_paths_json_shape_is_the_documented_contract(slug):
    tree = TREES[slug]
    document = paths_document(tree, CONTENT.catalog)
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
        assert set(path["outcome"]) >= {"id", "title", "text", "certainty", "certainty_label", "citations",
                                        "next_steps"}
        for citation in path["outcome"]["citations"]:
            assert set(citation) == {"anchor", "quote"}
    # A number question's ranges run from nothing to the first limit and from the last limit on.
    for question in (q for q in tree.questions.values() if q.kind == "number" and len(q.options) > 1):
        ranges = [s["range"] for p in document["paths"] for s in p["steps"] if s["question_id"] == question.id]
        first, last = question.options[0].below, question.options[-2].below
        assert {"from": None, "below": numbers.json_number(first), "of": question.value_label} in ranges
        assert {"from": numbers.json_number(last), "below": None, "of": question.value_label} in ranges
