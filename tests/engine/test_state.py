"""State strings: round trips, tampering, outdated links; back and change."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from decision_tree import api, registry
from decision_tree.engine import State
from decision_tree.model import Option
from decision_tree.state import decode, encode, fingerprint

from .conftest import walk

SLUG = "hjemmearbeid"
INVALID = "Lenken er ugyldig eller utdatert. Start på nytt."


def test_state_is_short_and_url_safe():
    view = walk(SLUG, "hjemme", "nei", "lenger", {"dager": "12,5", "uker": "52"})
    state = view["state"]
    assert len(state) <= 30
    assert set(state) <= set("0123456789abcdefghijklmnopqrstuvwxyz._~-")


def test_empty_state_is_the_start():
    assert api.view(SLUG, "")["question"]["id"] == "hvor"
    assert api.view(SLUG, "") == api.start(SLUG)


def test_tampered_and_malformed_links_say_start_again():
    good = walk(SLUG, "hjemme", "nei")["state"]
    bad = [
        good + ".9",  # an option that does not exist
        good[:-1] + "7",
        good.replace(good[1:7], "000000"),  # someone else's fingerprint
        good + "~5",  # cursor past the answers
        good + "~0e~0",
        "2" + good[1:],  # unknown format
        good + ".0.0.0.0.0",  # more answers than the path has questions
        "x" * 5000,
        "💥",
        " " + good,
    ]
    for state in bad:
        view = api.view(SLUG, state)
        assert view["status"] == "invalid", state
        assert view["message"] == INVALID
        assert view["state"] == ""


def test_non_string_states_are_invalid_not_errors():
    for state in (None, 3, ["a"], {"a": 1}, b"1abc"):
        view = api.view(SLUG, state)
        assert view["status"] in ("invalid", "question")
    assert api.view(SLUG, None)["status"] == "question"  # None is "no state": the start


def test_unknown_tree_is_a_clear_message():
    view = api.start("finnes-ikke")
    assert view["status"] == "invalid" and "beslutningstreet" in view["message"]
    assert api.receipt("finnes-ikke", "", "") == view["message"]


def test_a_link_for_an_older_tree_is_recognised_as_outdated():
    tree = registry.get(SLUG)
    state = walk(SLUG, "hjemme", "nei", "noen-dager")["state"]
    hvor = tree.questions["hvor"]
    # HR adds an option: answers would shift meaning, so old links must be refused.
    changed = replace(tree, questions={**tree.questions, "hvor": replace(hvor, options=hvor.options + (Option("ny", "Ny", "utlandet"),))})
    assert fingerprint(changed) != fingerprint(tree)
    assert decode(changed, state) is None
    # Rewording a text keeps links working.
    reworded = replace(tree, questions={**tree.questions, "hvor": replace(hvor, text="Hvor jobber du?")})
    assert decode(reworded, state) is not None


def test_decode_encode_round_trip_on_every_state_a_walk_produces():
    tree = registry.get(SLUG)
    view = api.start(SLUG)
    for value in ("hjemme", "nei", "lenger", {"dager": "3", "uker": "8"}):
        view = api.answer(SLUG, view["state"], view["question"]["id"], value)
        state = decode(tree, view["state"])
        assert state is not None and encode(tree, state) == view["state"]


def test_back_steps_through_kept_answers_one_by_one():
    done = walk(SLUG, "hjemme", "nei", "noen-dager")
    step = api.back(SLUG, done["state"])
    assert step["question"]["id"] == "varighet" and step["question"]["selected"] == "noen-dager"
    step = api.back(SLUG, step["state"])
    assert step["question"]["id"] == "fast" and step["question"]["selected"] == "nei"
    # Answering the same again steps forward to the next question, with its answer kept.
    forward = api.answer(SLUG, step["state"], "fast", "nei")
    assert forward["question"]["id"] == "varighet" and forward["question"]["selected"] == "noen-dager"
    assert api.answer(SLUG, forward["state"], "varighet", "noen-dager")["outcome"]["id"] == "kortvarig-dager"
    # Back at the first question stays there.
    first = api.back(SLUG, api.back(SLUG, step["state"])["state"])
    assert first["question"]["id"] == "hvor" and not first["can_go_back"]


def test_change_keeps_later_answers_that_still_apply():
    done = walk(SLUG, "hjemme", "nei", "lenger", {"dager": "3", "uker": "8"})
    # Change "how long": the number answer still applies once "lenger" is chosen again.
    editing = api.change(SLUG, done["state"], "varighet")
    assert editing["question"]["id"] == "varighet" and editing["question"]["selected"] == "lenger"
    assert [a["question_id"] for a in editing["answers"]] == ["hvor", "fast", "varighet", "omfang"]
    again = api.answer(SLUG, editing["state"], "varighet", "lenger")
    assert again["status"] == "outcome" and again["outcome"]["id"] == "sporadisk"
    assert again["state"] == done["state"]
    # Change "where" to somewhere else: the later answers no longer apply and are dropped.
    moved = api.answer(SLUG, api.change(SLUG, done["state"], "hvor")["state"], "hvor", "utlandet")
    assert moved["outcome"]["id"] == "utlandet"
    assert [a["question_id"] for a in moved["answers"]] == ["hvor"]
    # Change "how long" to a short stay: the number question is no longer on the path.
    short = api.answer(SLUG, editing["state"], "varighet", "noen-dager")
    assert short["outcome"]["id"] == "kortvarig-dager"
    assert "omfang" not in [a["question_id"] for a in short["answers"]]


def test_change_of_an_unanswered_question_is_an_error_not_a_crash():
    view = api.change(SLUG, walk(SLUG, "hjemme")["state"], "omfang")
    assert view["status"] == "question" and view["errors"]["_"]


def test_answering_a_question_that_is_not_current_is_refused():
    view = api.answer(SLUG, "", "varighet", "noen-dager")
    assert view["question"]["id"] == "hvor" and view["errors"]["_"]


@given(st.text(max_size=60))
def test_random_text_never_raises(text):
    for slug in registry.trees():
        view = api.view(slug, text)
        assert view["status"] in ("invalid", "question", "outcome")
        assert isinstance(api.receipt(slug, text, "https://example.org/beslutningstre/x/"), str)


@given(st.data())
def test_garbled_valid_states_never_raise(data):
    slug = data.draw(st.sampled_from(list(registry.trees())))
    tree = registry.get(slug)
    good = encode(tree, State())
    view = api.start(slug)
    while view["status"] == "question":
        q = view["question"]
        value = data.draw(st.sampled_from([o["id"] for o in q["options"]])) if q["kind"] == "choice" else {"dager": "2", "uker": "4"}
        view = api.answer(slug, view["state"], q["id"], value)
        good = view["state"]
    # Flip, drop or insert characters anywhere in a real state string.
    chars = list(good)
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(chars)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        char = data.draw(st.sampled_from(list("0123456789abcdefz._~-e%/")))
        if action == "insert":
            chars.insert(position, char)
        elif chars and position < len(chars):
            if action == "delete":
                del chars[position]
            else:
                chars[position] = char
    garbled = "".join(chars)
    view = api.view(slug, garbled)
    assert view["status"] in ("invalid", "question", "outcome")
    state = decode(tree, garbled)
    if state is not None:  # anything accepted is canonical and consistent
        assert encode(tree, state) == garbled
        assert view["state"] == garbled
    else:
        assert view["message"] == INVALID
