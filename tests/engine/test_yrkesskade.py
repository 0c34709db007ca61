"""Scenarios for `yrkesskade`. The tree never says "this is an occupational injury";
it always says you are covered by an insurance scheme either way."""

from __future__ import annotations

import re

import pytest

from decision_tree import registry
from decision_tree.paths import all_paths

from .conftest import result, walk, words

SLUG = "yrkesskade"
COVERED = "Arbeidstaker er omfattet av en forsikringsordning på hjemmekontor uansett om det godkjennes som en yrkesskade eller ikke."
CONDITION = "For at det skal være en yrkesskade, må det være en sammenheng mellom skaden og utførelsen av arbeidet."


def quotes(view: dict) -> list[str]:
    return [c["quote"] for c in result(view)["citations"]]


def test_injury_while_doing_work_tasks_condition_seems_met_but_is_assessed_concretely():
    # "For at det skal være en yrkesskade, må det være en sammenheng mellom skaden og utførelsen av arbeidet."
    view = walk(SLUG, "avtalt-hjemmekontor", "arbeid")
    outcome = result(view)
    assert outcome["id"] == "under-arbeid"
    assert outcome["certainty"] == "konkret-vurdering"
    assert CONDITION in quotes(view)
    assert "ser ut til å kunne være oppfylt" in words(outcome["text"])
    assert "konkret vurdering" in words(outcome["text"])


def test_injury_in_a_lunch_break_is_rarely_approved():
    # "Rettspraksis så langt har vist at man ofte ikke får godkjent skader hjemme, særlig ikke skader som
    #  oppstår eksempelvis i lunsjpauser eller tilsvarende."
    view = walk(SLUG, "avtalt-hjemmekontor", "pause")
    assert result(view)["id"] == "i-pause"
    assert any("lunsjpauser" in q for q in quotes(view))
    assert "sjelden" in result(view)["title"]


def test_private_errand_condition_does_not_seem_met_but_leisure_accident_insurance_applies():
    # "Hvis skaden ikke godkjennes som yrkesskade, vil det skaden kunne være en fritidsulykke."
    view = walk(SLUG, "kortvarig-sporadisk", "ja", "privat")
    assert result(view)["id"] == "privat"
    assert any("fritidsulykke" in q for q in quotes(view))
    assert "fritidsulykke" in words(result(view)["text"])


def test_short_term_work_not_clarified_with_the_leader_is_a_grey_zone():
    # "Merk også at det må avklares med leder, helst skriftlig per epost eller tilsvarende, hvorvidt man er
    #  hjemme og arbeider eller ei (ved kortvarig arbeid hjemmefra, ...)"
    view = walk(SLUG, "kortvarig-sporadisk", "nei", "arbeid")
    outcome = result(view)
    assert outcome["id"] == "uavklart-arbeid"
    assert outcome["certainty"] == "graasone"
    assert "forsikring-avklaring" in {c["anchor"] for c in outcome["citations"]}


def test_agreed_home_office_skips_the_clarification_question():
    # "(ved kortvarig arbeid hjemmefra, ordinært hjemmekontor er allerede avtalt)"
    view = walk(SLUG, "avtalt-hjemmekontor")
    assert view["node"] == "aktivitet"


@pytest.mark.parametrize("path", all_paths(registry.get(SLUG)), ids=lambda p: p.outcome.id)
def test_every_outcome_says_you_are_covered_and_never_that_it_is_an_injury(path):
    outcome = path.outcome
    assert COVERED in [c.quote for c in outcome.citations]
    assert "uansett omfattet av en forsikringsordning" in words(outcome.text)
    said = words(f"{outcome.title} {outcome.text}").lower()
    assert not re.search(r"\b(er|blir) (en )?yrkesskade\b", said.replace("godkjennes som yrkesskade", ""))
    assert not said.startswith("ja")
    assert outcome.certainty in {"konkret-vurdering", "graasone"}  # never the guideline's own yes
