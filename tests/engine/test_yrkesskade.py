"""Scenarios for `yrkesskade`. The tree never says an injury is, or is not, an occupational injury.
Every outcome gives the condition, what case law says, the insurance sentence with its scope
("på hjemmekontor"), and what to do now; where the guideline is silent it says so."""

from __future__ import annotations

import re

import pytest

from tests.content import TREES
from tooling.paths import all_paths

from .conftest import quotes, result, walk, words

SLUG = "yrkesskade"
COVERED = "Arbeidstaker er omfattet av en forsikringsordning på hjemmekontor uansett om det godkjennes som en yrkesskade eller ikke."
CONDITION = "For at det skal være en yrkesskade, må det være en sammenheng mellom skaden og utførelsen av arbeidet."
CONCRETE = "Hvorvidt man er dekket av yrkesskade etter folketrygden, vil det gjøres konkrete vurderinger i den enkelte sak."
CASE_LAW = ("Rettspraksis så langt har vist at man ofte ikke får godkjent skader hjemme, særlig ikke skader som oppstår "
            "eksempelvis i lunsjpauser eller tilsvarende.")
BREAKS = ("Men, som nevnt; rettspraksis etter korona har vært streng med tanke på når en skade har skjedd «i arbeid» "
          "på hjemmekontor, dette gjelder særlig i pauser.")
CLARIFY = "Merk også at det må avklares med leder, helst skriftlig per epost eller tilsvarende, hvorvidt man er hjemme og arbeider eller ei (ved kortvarig arbeid hjemmefra, ordinært hjemmekontor er allerede avtalt)."
AT_HOME = [("hjemme", day, doing) for day in ("avtale", "avklart")
           for doing in ("arbeid", "kort-pause", "lunsj", "privat", "usikker")]
OUTSIDE = {"hytta": "hytta-eller-annet-sted", "ute": "utenfor-hjemmet", "reisevei": "reisevei"}


@pytest.mark.parametrize("answers", AT_HOME, ids="-".join)
def test_at_home_on_an_agreed_or_clarified_day_every_outcome_gives_condition_case_law_insurance_and_steps(answers):
    view = walk(SLUG, *answers)
    outcome = result(view)
    assert outcome["certainty"] == "konkret-vurdering"
    assert {CONDITION, CONCRETE, CASE_LAW, COVERED} <= set(quotes(view))
    text = words(outcome["text"])
    assert "på hjemmekontor" in text and "ofte ikke" in text and "særlig ikke" in text and "konkret" in text
    assert any("lederen din" in s for s in outcome["next_steps"]) and any("POU" in s for s in outcome["next_steps"])


def test_the_lunch_break_is_named_and_hedged_as_the_guideline_hedges():
    view = walk(SLUG, "hjemme", "avtale", "lunsj")
    assert view["node"] == "lunsjpause" and BREAKS in quotes(view)
    text = words(result(view)["text"])
    assert "ofte ikke" in text and "særlig ikke" in text and "ikke at saken din er avgjort" in text
    assert "sjelden" not in text + result(view)["title"]


def test_a_short_break_is_not_said_to_be_covered_or_not_only_what_case_law_says_about_breaks():
    view = walk(SLUG, "hjemme", "avklart", "kort-pause")
    assert view["node"] == "kort-pause" and BREAKS in quotes(view)
    assert "nevnes ikke for seg" in words(result(view)["text"])


@pytest.mark.parametrize("answer", ["nei", "usikker"])
def test_a_day_not_clarified_says_the_clarification_is_missing_not_that_the_leader_decides(answer):
    view = walk(SLUG, "hjemme", answer)
    outcome = result(view)
    assert view["node"] == "ikke-avklart" and outcome["certainty"] == "konkret-vurdering"
    assert CLARIFY in quotes(view)
    text = words(outcome["text"])
    assert "mangler" in text and "sier ikke hva det betyr" in text
    # Nothing suggests the leader decides what is an occupational injury.
    assert not re.search(r"leder\w*\s+(?:din\s+)?(?:avgjør|bestemmer|vurderer)", text.lower())
    assert "graasone" != outcome["certainty"]  # "Gråsone – avklar med lederen din" would send it to the leader


@pytest.mark.parametrize("where", list(OUTSIDE))
def test_outside_the_home_the_guideline_is_silent_and_the_insurance_sentence_keeps_its_scope(where):
    view = walk(SLUG, where)
    outcome = result(view)
    assert view["node"] == OUTSIDE[where]
    assert outcome["certainty"] == "ikke-omtalt"
    assert "sier ikke noe om" in words(outcome["title"] + " " + outcome["text"])
    assert COVERED in quotes(view)
    assert "gjelder **på hjemmekontor**" in outcome["text"] and "sier ikke om den også gjelder" in words(outcome["text"])


def test_the_cabin_quotes_that_other_places_are_clarified_separately():
    view = walk(SLUG, "hytta")
    assert any("avklares særskilt" in q for q in quotes(view))


def test_the_commute_says_the_travel_section_is_about_compensation_only():
    view = walk(SLUG, "reisevei")
    assert any(q.startswith("Det gis i utgangspunktet ingen kompensasjon for reise") for q in quotes(view))
    assert "bare om kompensasjon" in words(result(view)["text"])


def test_where_the_injury_happened_is_asked_first_and_unsure_is_always_an_option():
    tree = TREES[SLUG]
    assert tree.start == "hvor"
    for question_id in ("avklart", "aktivitet"):
        assert any(o.label.startswith("Usikker") for o in tree.questions[question_id].options)


@pytest.mark.parametrize("path", all_paths(TREES[SLUG]), ids=lambda p: p.outcome.id)
def test_no_outcome_assesses_the_case_or_drops_the_scope(path):
    outcome = path.outcome
    said = words(f"{outcome.title} {outcome.text}").lower()
    assert not re.search(r"\b(er|blir) (en )?yrkesskade\b", said.replace("godkjennes som yrkesskade", ""))
    assert not re.search(r"ser (ikke )?ut til|sjelden|trolig|sannsynligvis", said)
    assert "uansett omfattet av en forsikringsordning" not in said  # the scope-less version of the sentence
    assert COVERED in [c.quote for c in outcome.citations]
    assert outcome.certainty in {"konkret-vurdering", "ikke-omtalt"}  # never the guideline's own yes
