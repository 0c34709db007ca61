"""State strings: round trips, tampering, links from older trees and older guideline versions; back and change."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from decision_tree import api
from decision_tree.engine import position
from decision_tree.model import Option
from decision_tree.state import _parse_v1, decode, encode
from tests.content import FIXTURES, GUIDELINE, TREES
from tooling.paths import PathStep

from .conftest import walk

SLUG = "hjemmearbeid"
V1_STATES = json.loads((FIXTURES / "v1-states.json").read_text(encoding="utf-8"))


def version() -> str:
    return GUIDELINE.version


def test_state_is_readable_and_url_safe():
    view = walk(SLUG, "nei", "hjemme", "usikker", {"dager": "2,5", "uker": "8"}, "spredt")
    state = view["state"]
    assert state == f"v{version()}_avtale.nei_hvor.hjemme_hvor-mye.usikker_omfang.25-8_fordeling.spredt"
    assert set(state) <= set("0123456789abcdefghijklmnopqrstuvwxyz._~-v")


def test_empty_state_is_the_start():
    start = api.view(SLUG, "")
    assert start["node"] == TREES[SLUG].start and start["status"] == "question"
    assert start["state"] == "" and start["answers"] == [] and start["asked"] == 1


def test_tampered_and_malformed_links_say_the_link_is_invalid():
    good = walk(SLUG, "nei", "hjemme")["state"]
    bad = [
        good + "~5",  # cursor past the answers: the exact state is refused, the replay has no cursor
        good + "~0e~0",
        good.replace("_", "__", 1),
        "2" + good[1:],  # unknown format
        good.replace("v", "", 1),
        f"v{version()}_hvor",  # an answer without its value
        f"v{version()}_omfang.to-4",  # letters where numbers go
        "x" * 5000,
        "💥",
        " " + good,
        "1e72142.9",  # a format-1 link with an option that never existed
        "1000000.0",  # a format-1 link to a tree shape that never existed
    ]
    for state in bad:
        view = api.view(SLUG, state)
        if state == good + "~5":
            assert view["status"] == "question" and "~" not in view["state"], state
            continue
        assert view["status"] == "invalid", state
        assert view["invalid"] == "link" and view["state"] == ""


def test_non_string_states_are_invalid_and_none_is_the_start():
    for state in (3, ["a"], {"a": 1}, b"1abc", 2.5, True):
        view = api.view(SLUG, state)
        assert (view["status"], view["invalid"]) == ("invalid", "link"), state
    assert api.view(SLUG, None) == api.view(SLUG, "")


def test_unknown_tree_is_its_own_reason():
    view = api.view("finnes-ikke", "")
    assert view["status"] == "invalid" and view["invalid"] == "tree"


def test_format_1_links_are_read_against_the_tree_shape_they_were_made_for():
    # Format 1 named options by position under a fingerprint of the tree; legacy-v1.json keeps those shapes.
    for row in V1_STATES:
        made_under, answers, _, _ = _parse_v1(TREES[row["tree"]], row["state"])
        assert made_under == "0.01" and [q for q, _ in answers] == [q for q, _ in row["answers"]], row
        # Choices by their option id; a number answer as the scaled numbers typed (the fixture names its range).
        for (_, value), (_, option) in zip(answers, row["answers"]):
            assert value == option if isinstance(value, str) else all(isinstance(v, int) for v in value), row


def test_every_link_the_first_site_made_still_opens_with_what_still_applies():
    for row in V1_STATES:
        view = api.view(row["tree"], row["state"])
        assert view["status"] != "invalid", row
        kept = [[a["question"], a["option"]] for a in view["answers"]]
        assert kept == row["answers"][: len(kept)], row  # the answers that still apply, in order
        assert view["dropped"] == len(row["answers"]) - len(kept), row  # and it says when some do not
        if not view["dropped"]:
            assert view["node"] == row.get("outcome", row.get("question")), row
        assert view["state"] == "" or view["state"].startswith("v"), "the widget puts today's form in the address"
    # The two trees whose questions and options kept their ids open exactly where they led.
    assert all(api.view(r["tree"], r["state"])["dropped"] == 0 for r in V1_STATES if r["tree"] in ("reise", "utstyr"))


def test_a_link_for_an_older_tree_replays_what_still_applies():
    tree = TREES[SLUG]
    state = walk(SLUG, "nei", "hjemme", "noen-dager")["state"]
    how_much = tree.questions["hvor-mye"]
    # HR removes the option the link chose: the answers before it still apply; the question is asked again.
    changed = replace(tree, questions={**tree.questions, "hvor-mye": replace(
        how_much, options=tuple(o for o in how_much.options if o.id != "noen-dager"))})
    decoded = decode(changed, state, version())
    assert decoded.state.answers == (("avtale", "nei"), ("hvor", "hjemme"))
    assert decoded.dropped == 1
    assert position(changed, decoded.state).current.id == "hvor-mye"
    # HR adds an option elsewhere, or rewords a text: the link works as it was.
    hvor = tree.questions["hvor"]
    grown = replace(tree, questions={**tree.questions, "hvor": replace(
        hvor, text="Hvor jobber du?", options=hvor.options + (Option("ny", "Ny", "utlandet"),))})
    decoded = decode(grown, state, version())
    assert decoded.dropped == 0 and position(grown, decoded.state).current.id == "kortvarig-dager"


def test_a_link_made_under_another_guideline_version_says_so_and_replays():
    state = walk(SLUG, "nei", "hjemme", "noen-dager")["state"]
    older = state.replace(f"v{version()}_", "v0.00_", 1)
    view = api.view(SLUG, older)
    assert view["changed"] == {"from": "0.00", "to": version()}
    assert view["node"] == "kortvarig-dager" and view["state"] == state  # today's form, for the address
    assert api.view(SLUG, state)["changed"] is None
    # The notice belongs to opening the link; the next step is made under today's version.
    assert api.back(SLUG, older)["changed"] is None


def test_decode_encode_round_trip_on_every_state_a_walk_produces():
    tree = TREES[SLUG]
    view = api.view(SLUG, "")
    for value in ("nei", "hjemme", "usikker", {"dager": "3", "uker": "8"}):
        view = api.answer(SLUG, view["state"], view["node"], value)
        decoded = decode(tree, view["state"], version())
        assert decoded is not None and decoded.dropped == 0
        assert encode(tree, decoded.state, version()) == view["state"]
    for changed in (api.change(SLUG, view["state"], "hvor"), api.back(SLUG, view["state"])):
        decoded = decode(tree, changed["state"], version())
        assert encode(tree, decoded.state, version()) == changed["state"] and decoded.state.cursor is not None


def test_back_steps_through_kept_answers_one_by_one():
    done = walk(SLUG, "nei", "hjemme", "noen-dager")
    step = api.back(SLUG, done["state"])
    assert step["node"] == "hvor-mye" and step["selected"] == "noen-dager" and step["asked"] == 3
    step = api.back(SLUG, step["state"])
    assert step["node"] == "hvor" and step["selected"] == "hjemme" and step["asked"] == 2
    # Answering the same again steps forward to the next question, with its answer kept.
    forward = api.answer(SLUG, step["state"], "hvor", "hjemme")
    assert forward["node"] == "hvor-mye" and forward["selected"] == "noen-dager"
    assert api.answer(SLUG, forward["state"], "hvor-mye", "noen-dager")["node"] == "kortvarig-dager"
    # Back at the first question stays there.
    first = api.back(SLUG, api.back(SLUG, step["state"])["state"])
    assert first["node"] == "avtale" and not first["can_go_back"]


def test_change_keeps_later_answers_that_still_apply():
    done = walk(SLUG, "nei", "hjemme", "usikker", {"dager": "3", "uker": "8"}, "spredt")
    # Change "how much": the number answer still applies once "usikker" is chosen again.
    editing = api.change(SLUG, done["state"], "hvor-mye")
    assert editing["node"] == "hvor-mye" and editing["selected"] == "usikker"
    assert [a["question"] for a in editing["answers"]] == ["avtale", "hvor", "hvor-mye", "omfang", "fordeling"]
    again = api.answer(SLUG, editing["state"], "hvor-mye", "usikker")
    assert again["status"] == "outcome" and again["node"] == "sporadisk"
    assert again["state"] == done["state"]
    # Change "where" to abroad: the later answers no longer apply and are dropped.
    moved = api.answer(SLUG, api.change(SLUG, done["state"], "hvor")["state"], "hvor", "utlandet")
    assert moved["node"] == "utlandet"
    assert [a["question"] for a in moved["answers"]] == ["avtale", "hvor"]
    # Change "how much" to a few days: the number question is no longer on the path.
    short = api.answer(SLUG, editing["state"], "hvor-mye", "noen-dager")
    assert short["node"] == "kortvarig-dager"
    assert "omfang" not in [a["question"] for a in short["answers"]]


def test_change_of_an_unanswered_question_is_an_error_not_a_crash():
    view = api.change(SLUG, walk(SLUG, "nei")["state"], "omfang")
    assert view["status"] == "question" and view["errors"]["_"]


def test_answering_a_question_that_is_not_current_is_refused():
    view = api.answer(SLUG, "", "hvor-mye", "noen-dager")
    assert view["node"] == "avtale" and view["errors"]["_"]


def test_number_answers_are_described_by_the_engine_and_choices_by_id_only():
    view = walk(SLUG, "nei", "hjemme", "usikker", {"dager": "3", "uker": "8"})
    assert view["answers"][0] == {"question": "avtale", "option": "nei", "text": None}
    assert view["answers"][-1]["option"] == "under-en-dag"
    assert view["answers"][-1]["text"] == "3 dager over 8 uker, altså 0,38 dager i uken i snitt"


@given(st.text(max_size=60))
def test_random_text_never_raises(text):
    for slug in TREES:
        view = api.view(slug, text)
        assert view["status"] in ("invalid", "question", "outcome")


@given(st.data())
def test_garbled_valid_states_never_raise_and_anything_accepted_is_reported_honestly(data):
    slug = data.draw(st.sampled_from(list(TREES)))
    tree = TREES[slug]
    view = api.view(slug, "")
    while view["status"] == "question":
        q = tree.questions[view["node"]]
        # An option, by its id or by numbers that choose it: whatever fields the tree's number questions have.
        value = PathStep(q, data.draw(st.sampled_from(q.options))).raw_answer()
        view = api.answer(slug, view["state"], q.id, value)
    good = view["state"]
    # Flip, drop or insert characters anywhere in a real state string.
    chars = list(good)
    for _ in range(data.draw(st.integers(1, 4))):
        position_ = data.draw(st.integers(0, len(chars)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        char = data.draw(st.sampled_from(list("0123456789abcdefz._~-ev%/")))
        if action == "insert":
            chars.insert(position_, char)
        elif chars and position_ < len(chars):
            if action == "delete":
                del chars[position_]
            else:
                chars[position_] = char
    garbled = "".join(chars)
    opened = api.view(slug, garbled)
    decoded = decode(tree, garbled, version())
    if decoded is None:
        assert (opened["status"], opened["invalid"]) == ("invalid", "link")
        return
    # Accepted: the view is canonical, and where it differs from the link beyond the cursor (which
    # only says which answer was being revisited), the view says why: answers dropped, or another version.
    assert encode(tree, decoded.state, version()) == opened["state"]
    said = garbled.split("~")[0]
    if opened["state"].split("~")[0] != ("" if said == f"v{version()}" else said):
        assert opened["dropped"] > 0 or opened["changed"], (garbled, opened)
