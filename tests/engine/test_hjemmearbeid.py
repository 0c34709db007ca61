"""Scenarios for `hjemmearbeid`, each written from the guideline's own words."""

from __future__ import annotations

from decision_tree import api, registry

from .conftest import result, walk, words

SLUG = "hjemmearbeid"
LATER = ("hjemme", "nei", "lenger")


def anchors(view: dict) -> set[str]:
    return {c["anchor"] for c in result(view)["citations"]}


def test_a_few_days_at_home_are_typically_short_term():
    # "Noen få dagers hjemmearbeid vil typisk være kortvarig."
    view = walk(SLUG, "hjemme", "nei", "noen-dager")
    outcome = result(view)
    assert outcome["id"] == "kortvarig-dager"
    assert outcome["certainty"] == "retningslinje"
    assert "typisk" in words(outcome["text"])  # hedges where the guideline hedges
    assert "kortvarig" in anchors(view)
    # "Merk at også disse dagene skal avklares med leder i forkant."
    assert any("i forkant" in step for step in outcome["next_steps"])


def test_one_to_two_weeks_with_a_broken_foot_is_also_short_term():
    # "En til to ukers hjemmearbeid, for eksempel grunnet tilrettelegging i forbindelse med en brukket fot,
    #  vil også være omfattet av unntaket."
    view = walk(SLUG, "hjemme", "nei", "en-til-to-uker")
    assert result(view)["id"] == "kortvarig-uker"
    assert any("brukket fot" in c["quote"] for c in result(view)["citations"])


def test_less_than_a_day_a_week_on_average_is_sporadic_even_if_regular():
    # "Dersom omfanget av hjemmearbeid er lite, eksempelvis mindre enn en dag i uken i snitt,
    #  vil hjemmearbeidet anses sporadisk, selv om det skulle skje jevnlig."
    view = walk(SLUG, *LATER, {"dager": "3", "uker": "8"})
    assert result(view)["id"] == "sporadisk"
    assert "eksempelvis" in words(result(view)["text"])
    assert "0,38 dager i uken i snitt" in view["answers"][-1]["text"]


def test_exactly_one_day_a_week_is_not_less_than_one_day():
    view = walk(SLUG, *LATER, {"dager": "4", "uker": "4"})
    assert result(view)["id"] == "ikke-definert"
    just_below = walk(SLUG, *LATER, {"dager": "3,9", "uker": "4"})
    assert just_below["node"] == "sporadisk"


def test_more_than_two_weeks_without_a_fixed_arrangement_is_not_defined_and_goes_to_the_leader():
    view = walk(SLUG, *LATER, {"dager": "12", "uker": "4"})
    outcome = result(view)
    assert outcome["id"] == "ikke-definert"
    assert outcome["certainty"] == "graasone"
    assert "definerer ikke" in words(outcome["text"])
    assert any("lederen din" in step for step in outcome["next_steps"])


def test_fixed_arrangement_needs_a_written_agreement_through_the_digital_form():
    # "må egen skriftlig tilleggsavtale lages ... Benytt digitalt skjema for dette."
    view = walk(SLUG, "hjemme", "ja")
    outcome = result(view)
    assert outcome["id"] == "fast-ordning"
    assert {"punkt-2", "punkt-3", "punkt-4", "punkt-7"} <= anchors(view)
    assert any("](extra:skjema_url)" in step for step in outcome["next_steps"])
    assert "verken en rettighet eller en plikt" in words(outcome["text"])
    assert "eksempelvis" in words(outcome["text"])  # "perioder på eksempelvis inntil et år"


def test_a_cabin_is_clarified_separately_outside_the_home_office_rules():
    # "(eksempelvis hytte osv), dette avklares særskilt, og kommer ikke inn under reglene for hjemmekontor."
    view = walk(SLUG, "annet-sted")
    assert result(view)["id"] == "annet-sted"
    assert anchors(view) == {"punkt-1"}
    assert "særskilt" in words(result(view)["text"])


def test_abroad_is_not_allowed_in_principle_contact_pou():
    # "Det er i utgangspunktet ikke anledning til å inngå avtale om arbeid i utlandet."
    view = walk(SLUG, "utlandet")
    outcome = result(view)
    assert outcome["id"] == "utlandet"
    assert "i utgangspunktet" in words(outcome["text"])
    assert "unntaksvis" in words(outcome["text"])
    assert any("](extra:pou_url)" in step for step in outcome["next_steps"])


def at_number_question() -> dict:
    view = walk(SLUG, *LATER)
    assert registry.get(SLUG).questions[view["node"]].kind == "number"
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
    for (days, weeks), (field, words) in cases.items():
        again = answer_numbers(view, days, weeks)
        assert again["status"] == "question", (days, weeks)
        assert again["node"] == "omfang"
        assert again["state"] == view["state"]  # nothing was stored
        assert words in again["errors"].get(field, ""), (days, weeks, again["errors"])
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
    view = walk(SLUG, *LATER)
    errors = api.answer(SLUG, view["state"], "omfang", {"dager": "-1", "uker": "0"})["errors"]
    assert set(errors) == {"dager", "uker"}
    assert "negativt" in errors["dager"] and "minst 1" in errors["uker"]
