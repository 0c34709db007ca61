"""Property tests: random walks with any mix of good and bad input never raise,
and every view keeps the contract the widget relies on."""

from __future__ import annotations

import json
import math
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from decision_tree import api, numbers
from tests.content import TREES

SLUGS = list(TREES)
junk = st.one_of(st.none(), st.integers(), st.text(max_size=8), st.lists(st.text(max_size=3), max_size=2))
numbers_typed = st.one_of(
    st.integers(-5, 800).map(str),
    st.decimals(-2, 50, places=2, allow_nan=False).map(lambda d: str(d).replace(".", ",")),
    st.text(max_size=6),
)


KEYS = {"tree", "state", "status", "node", "selected", "errors", "asked", "answers", "can_go_back", "invalid",
        "changed", "dropped"}


def check_view(view: dict, slug: str) -> None:
    json.dumps(view)  # plain JSON values only: the worker passes them on as they are
    assert set(view) == KEYS and view["tree"] == slug
    tree = TREES[slug]
    assert view["status"] in ("question", "outcome", "invalid")
    if view["status"] == "question":
        assert view["node"] in tree.questions and view["asked"] >= 1
    if view["status"] == "outcome":
        assert view["node"] in tree.outcomes and tree.outcomes[view["node"]].citations
    for answer in view["answers"]:  # ids the build's fragments are keyed by, and numbers described
        question = tree.questions[answer["question"]]
        assert question.option(answer["option"]) is not None
        assert (answer["text"] is None) == (question.kind == "choice")
    assert api.view(slug, view["state"])["node"] == view["node"] or view["errors"] or view["status"] == "invalid"


@given(st.data())
def test_random_walks_never_raise(data):
    slug = data.draw(st.sampled_from(SLUGS))
    tree = TREES[slug]
    view = api.view(slug, "")
    for _ in range(data.draw(st.integers(1, 14))):
        check_view(view, slug)
        action = data.draw(st.sampled_from(["answer", "answer", "answer", "junk", "back", "change", "view"]))
        state = view["state"]
        question = tree.questions.get(view["node"]) if view["status"] == "question" else None
        if action == "answer" and question:
            if question.kind == "choice":
                value = data.draw(st.sampled_from([o.id for o in question.options]))
            else:
                value = {f.id: data.draw(numbers_typed) for f in question.fields}
            view = api.answer(slug, state, question.id, value)
        elif action == "junk":
            qid = question.id if question and data.draw(st.booleans()) else data.draw(st.text(max_size=8))
            view = api.answer(slug, state, qid, data.draw(junk))
        elif action == "back":
            view = api.back(slug, state)
        elif action == "change":
            ids = [a["question"] for a in view["answers"]] or ["x"]
            view = api.change(slug, state, data.draw(st.sampled_from(ids)))
        else:
            view = api.view(slug, state)
    check_view(view, slug)


def valid_numbers(data, question) -> dict[str, str]:
    """Numbers a person may type into a number question, whatever its fields: each within its field's
    range, and the compared value within the question's limit (the numerator is drawn last, capped by
    max_value times the denominator drawn before it)."""
    values: dict[str, Fraction] = {}
    for field in sorted(question.fields, key=lambda f: f.id == question.numerator):
        scale = numbers.scale(field)
        high = field.max if field.max is not None else field.min + 1000
        if field.id == question.numerator and question.max_value is not None:
            high = min(high, question.max_value * values.get(question.denominator, Fraction(1)))
        low, high = math.ceil(field.min * scale), math.floor(high * scale)
        values[field.id] = Fraction(data.draw(st.integers(low, max(low, high))), scale)
    return {f.id: numbers.fmt(values[f.id]) for f in question.fields}


@given(st.data())
def test_choosing_only_valid_options_always_reaches_an_outcome(data):
    slug = data.draw(st.sampled_from(SLUGS))
    tree = TREES[slug]
    view = api.view(slug, "")
    for _ in range(20):
        if view["status"] == "outcome":
            break
        q = tree.questions[view["node"]]
        if q.kind == "choice":
            value = data.draw(st.sampled_from([o.id for o in q.options]))
        else:
            value = valid_numbers(data, q)
        view = api.answer(slug, view["state"], q.id, value)
        assert not view["errors"]
    assert view["status"] == "outcome"
