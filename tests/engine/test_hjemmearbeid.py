"""Scenarios for `hjemmearbeid`, each written from the guideline's own words. The tree asks in the
employee's order (agreement, where, how much); weekly home work of a day or more never ends where
"a few days" ends."""

from __future__ import annotations

import pytest

from decision_tree import api
from tests.content import CONTENT, TREES
from tooling.paths import all_paths

from .conftest import quotes, result, walk, words

SLUG = "hjemmearbeid"
HOME = ("nei", "hjemme")
# The insurance section's clarification paragraph, whole, as the newest version has it.
CLARIFY = CONTENT.newest.document.block("forsikring-avklaring").text


def anchors(view: dict) -> set[str]:
    return {c["anchor"] for c in result(view)["citations"]}


def test_the_first_question_is_whether_there_is_an_agreement():
    assert TREES[SLUG].start == "avtale"
    assert {o.id for o in TREES[SLUG].questions["avtale"].options} == {"ja", "nei", "vet-ikke"}


def test_a_few_days_at_home_are_typically_short_term_and_cleared_in_advance():
    # "Noen få dagers hjemmearbeid vil typisk være kortvarig." "Merk at også disse dagene skal avklares med leder i forkant."
    view = walk(SLUG, *HOME, "noen-dager")
    outcome = result(view)
    assert view["node"] == "kortvarig-dager" and outcome["certainty"] == "retningslinje"
    assert "typisk" in words(outcome["text"])
    assert {"kortvarig", "forsikring-avklaring"} <= anchors(view)
    assert CLARIFY in quotes(view)  # the whole paragraph, the short-term condition included
    assert any("i forkant" in step for step in outcome["next_steps"])


def test_one_to_two_weeks_with_a_broken_foot_is_also_short_term():
    view = walk(SLUG, *HOME, "en-til-to-uker")
    assert view["node"] == "kortvarig-uker"
    assert any("brukket fot" in q for q in quotes(view)) and "for eksempel" in words(result(view)["text"])


def test_more_than_two_weeks_in_a_row_without_an_agreement_is_silent_and_goes_to_the_leader():
    view = walk(SLUG, *HOME, "over-to-uker")
    outcome = result(view)
    assert view["node"] == "over-to-uker" and outcome["certainty"] == "ikke-omtalt"
    assert "sier ikke noe om" in words(outcome["text"])
    assert any(step.startswith("Avklar med lederen din") for step in outcome["next_steps"])


def test_now_and_then_is_sporadic_and_the_clarification_quote_is_whole_and_not_stretched():
    view = walk(SLUG, *HOME, "av-og-til")
    outcome = result(view)
    assert view["node"] == "sporadisk"
    assert "eksempelvis" in words(outcome["text"]) and "et eksempel i retningslinjen, ikke en fast regel" in words(outcome["text"])
    assert CLARIFY in quotes(view)  # not cut before "(ved kortvarig arbeid hjemmefra, …)"
    assert "gjelder ved kortvarig arbeid hjemmefra" in words(outcome["text"])  # and not applied to sporadic work


@pytest.mark.parametrize("answer", ["faste-dager", "ukentlig"])
def test_weekly_home_work_of_a_day_or_more_never_ends_where_a_few_days_ends(answer):
    view = walk(SLUG, *HOME, answer)
    assert view["node"] not in ("kortvarig-dager", "kortvarig-uker", "sporadisk")
    assert "punkt-2" in anchors(view)  # the written agreement for a fixed arrangement


def test_a_day_a_week_or_more_over_time_may_fall_under_the_regulation_hedged():
    view = walk(SLUG, *HOME, "ukentlig")
    outcome = result(view)
    assert view["node"] == "jevnlig-en-dag-eller-mer" and outcome["certainty"] == "graasone"
    assert "**kan** derfor falle inn under hjemmekontorforskriften" in outcome["text"]
    assert "sporadisk" in anchors(view)  # what sporadic is, which this is not shown to be


def test_the_number_question_for_those_unsure():
    view = walk(SLUG, *HOME, "usikker", {"dager": "3", "uker": "8"})
    assert view["node"] == "sporadisk"
    assert view["answers"][-1]["text"] == "3 dager over 8 uker, altså 0,38 dager i uken i snitt"
    assert walk(SLUG, *HOME, "usikker", {"dager": "1", "uker": "1"})["node"] == "jevnlig-en-dag-eller-mer"
    assert walk(SLUG, *HOME, "usikker", {"dager": "3,9", "uker": "4"})["node"] == "sporadisk"
    assert walk(SLUG, *HOME, "usikker", {"dager": "4", "uker": "4"})["node"] == "jevnlig-en-dag-eller-mer"


def test_fixed_days_need_a_written_agreement_and_the_outcome_says_what_the_guideline_says():
    view = walk(SLUG, *HOME, "faste-dager")
    outcome = result(view)
    assert view["node"] == "fast-ordning"
    assert {"punkt-1", "punkt-2", "punkt-3", "punkt-4", "punkt-6", "punkt-7", "punkt-7a", "punkt-7b", "punkt-7c",
            "punkt-7d", "punkt-8b"} <= anchors(view)
    text = words(outcome["text"])
    assert "**deler av**" in outcome["text"] and "i prioritert rekkefølge" in text
    assert "Fleksitidsreglementet" in text and "Lederen din avgjør" in text and "eksempelvis" in text
    assert "a) arbeidsgivers behov" in text and "d) den enkeltes behov" in text
    assert any("](extra:skjema_url)" in step for step in outcome["next_steps"])


def test_with_an_agreement_the_agreed_days_get_what_applies_on_them():
    view = walk(SLUG, "ja", "avtalte-dager")
    assert view["node"] == "avtalt-hjemmekontor"
    assert {"punkt-6", "punkt-8b", "punkt-4"} <= anchors(view)
    assert words(result(view)["text"]).count("i utgangspunktet") == 2


def test_with_an_agreement_other_days_are_asked_how_much():
    view = walk(SLUG, "ja", "andre-dager")
    assert view["node"] == "hvor-mye"


def test_not_knowing_about_an_agreement_sends_to_the_leader():
    view = walk(SLUG, "vet-ikke")
    assert view["node"] == "vet-ikke-avtale" and "punkt-2" in anchors(view)


@pytest.mark.parametrize("first", ["ja", "nei"])
def test_a_cabin_is_clarified_separately_outside_the_home_office_rules(first):
    view = walk(SLUG, first, "annet-sted")
    assert view["node"] == "annet-sted"
    assert "særskilt" in words(result(view)["text"]) and "på hjemmekontor" in words(result(view)["text"])


@pytest.mark.parametrize("first", ["ja", "nei"])
def test_abroad_is_not_allowed_in_principle_contact_pou(first):
    view = walk(SLUG, first, "utlandet")
    outcome = result(view)
    assert view["node"] == "utlandet"
    assert "i utgangspunktet" in words(outcome["text"]) and "unntaksvis" in words(outcome["text"])
    assert any("](extra:pou_url)" in step for step in outcome["next_steps"])


@pytest.mark.parametrize("path", all_paths(TREES[SLUG]), ids=lambda p: p.outcome.id)
def test_every_path_through_weekly_answers_avoids_the_short_term_outcomes(path):
    chosen = {(s.question.id, s.option.id) for s in path.steps}
    if {("hvor-mye", "faste-dager"), ("hvor-mye", "ukentlig"), ("omfang", "en-dag-eller-mer")} & chosen:
        assert path.outcome.id not in ("kortvarig-dager", "kortvarig-uker", "sporadisk")


def at_number_question() -> dict:
    view = walk(SLUG, *HOME, "usikker")
    assert TREES[SLUG].questions[view["node"]].kind == "number"
    return view


def answer_numbers(view: dict, days, weeks) -> dict:
    return api.answer(SLUG, view["state"], "omfang", {"dager": days, "uker": weeks})


def test_bad_numbers_give_norwegian_messages_and_ask_again():
    view = at_number_question()
    cases = {
        ("-2", "4"): ("dager", "negativt"),
        ("2", "0"): ("uker", "minst 1"),
        ("to", "4"): ("dager", "må være et tall"),
        ("2", ""): ("uker", "Fyll inn"),
        ("30", "2"): ("_", "sju dager"),  # more days than the weeks hold
        ("1,55", "2"): ("dager", "desimal"),
        ("2", "1,5"): ("uker", "helt tall"),
        ("99999999", "2"): ("dager", "for stort"),
    }
    for (days, weeks), (field, message) in cases.items():
        again = answer_numbers(view, days, weeks)
        assert again["status"] == "question", (days, weeks)
        assert again["node"] == "omfang"
        assert again["state"] == view["state"]  # nothing was stored
        assert message in again["errors"].get(field, ""), (days, weeks, again["errors"])
        assert again["selected"] == {"dager": days, "uker": weeks}  # what was typed stays


def test_number_answers_accept_comma_and_point_decimals_and_spaces():
    view = at_number_question()
    for days in ("2,5", "2.5", " 2,5 "):
        assert answer_numbers(view, days, "4")["node"] == "sporadisk"


def test_non_dict_number_input_is_rejected_not_raised():
    view = at_number_question()
    for raw in (None, "3", 3, ["3", "4"], {"dager": None, "uker": 4}):
        again = api.answer(SLUG, view["state"], "omfang", raw)
        assert again["status"] == "question" and again["errors"]


def test_every_bad_number_is_reported_at_once():
    # GOV.UK style: one round trip shows all problems, including range errors next to parse errors.
    view = at_number_question()
    errors = api.answer(SLUG, view["state"], "omfang", {"dager": "-1", "uker": "0"})["errors"]
    assert set(errors) == {"dager", "uker"}
    assert "negativt" in errors["dager"] and "minst 1" in errors["uker"]
