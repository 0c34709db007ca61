"""Scenarios for `reise`: point 8 b and the section on travel; other travel is where the guideline is silent."""

from __future__ import annotations

from tests.content import TREES

from .conftest import result, walk, words

SLUG = "reise"


def test_travel_between_home_office_and_office_is_not_compensated_in_principle():
    # "Det gis i utgangspunktet ingen kompensasjon for reise mellom hjemmekontor og kontor"
    view = walk(SLUG, "kontor", "nei")
    outcome = result(view)
    assert view["node"] == "hjem-kontor"
    assert outcome["citations"][0]["anchor"] == "reise"
    assert "i utgangspunktet" in words(outcome["text"])


def test_called_in_on_an_agreed_home_office_day_keeps_both_hedges_and_the_guidelines_verb():
    # 8 b: "... for å ivareta en ny medarbeider på en god måte, selv om det på disse dagene i utgangspunktet er
    # avtalt hjemmekontor. Det gis i utgangspunktet ingen ekstra kompensasjon for en slik endring."
    view = walk(SLUG, "kontor", "ja")
    outcome = result(view)
    assert view["node"] == "innkalt-hjemmekontordag"
    assert {c["anchor"] for c in outcome["citations"]} == {"punkt-8b"}
    text = words(outcome["text"])
    assert text.count("i utgangspunktet") == 2
    assert "ivareta en ny medarbeider" in text and "ta godt imot" not in text


def test_other_travel_is_where_the_guideline_is_silent():
    view = walk(SLUG, "annen")
    outcome = result(view)
    assert view["node"] == "annen-reise"
    assert outcome["certainty"] == "ikke-omtalt"
    assert "utenfor denne retningslinjen" in words(outcome["text"])


# --- Issue 17 ----------------------------------------------------------------------------------------

def test_m15_answers_resting_on_i_utgangspunktet_are_grey_zones():
    for answers in (("kontor", "nei"), ("kontor", "ja")):
        assert result(walk(SLUG, *answers))["certainty"] == "graasone", answers


def test_situation_called_in_says_notice_and_travel_time_are_unsaid():
    outcome = result(walk(SLUG, "kontor", "ja"))
    assert TREES[SLUG].outcomes["innkalt-hjemmekontordag"].topics
    assert "sier ikke" in words(outcome["text"])
