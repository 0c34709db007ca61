"""Scenarios for `reise`: point 8 b and the section on travel; other travel is outside the guideline."""

from __future__ import annotations

from .conftest import result, walk, words

SLUG = "reise"


def test_travel_between_home_office_and_office_is_not_compensated_in_principle():
    # "Det gis i utgangspunktet ingen kompensasjon for reise mellom hjemmekontor og kontor"
    view = walk(SLUG, "kontor", "nei")
    outcome = result(view)
    assert outcome["id"] == "hjem-kontor"
    assert outcome["citations"][0]["anchor"] == "reise"
    assert "i utgangspunktet" in words(outcome["text"])


def test_called_in_on_an_agreed_home_office_day_gives_no_extra_compensation_in_principle():
    # 8 b: "Det gis i utgangspunktet ingen ekstra kompensasjon for en slik endring."
    view = walk(SLUG, "kontor", "ja")
    outcome = result(view)
    assert outcome["id"] == "innkalt-hjemmekontordag"
    assert {c["anchor"] for c in outcome["citations"]} == {"punkt-8b"}
    assert "ingen ekstra kompensasjon" in words(outcome["text"])


def test_other_travel_is_outside_this_guideline_and_says_so():
    view = walk(SLUG, "annen")
    outcome = result(view)
    assert outcome["id"] == "annen-reise"
    assert outcome["certainty"] == "graasone"
    assert "utenfor denne retningslinjen" in words(outcome["text"])
