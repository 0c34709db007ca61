"""Scenarios for `utstyr` (point 9). "egen pc til hjemmekontor" has two readings (an own PC from the employer
that stays at the home office, or a private PC): the tree quotes it, names both, and calls it a grey zone, as
the FAQ does. Other equipment, and returning it, are where the guideline is silent."""

from __future__ import annotations

from tests.content import TREES

from .conftest import cited, guideline_sentences, result, walk, words

SLUG = "utstyr"


def own_pc_quotes(outcome: dict) -> set[str]:
    """What an outcome quotes of punkt 9's sentence on an own PC for the home office: the sentence of punkt 9
    (read from kilde/) that holds the last quote of the `egen-pc` outcome."""
    quote = cited(result(walk(SLUG, "egen-pc")), "punkt-9")[-1]
    sentence = next(s for s in guideline_sentences("punkt-9") if quote in s)
    return {q for q in cited(outcome, "punkt-9") if q in sentence}


def test_employer_lends_pc_screen_and_headset():
    # "Arbeidsgiver låner ut følgende utstyr til bruk ved hjemmekontor: PC (kan ta med laptop fra kontoret) ..."
    view = walk(SLUG, "lane")
    assert view["node"] == "utlan"
    assert "PC, skjerm og headset" in words(result(view)["text"])


def test_m10_an_own_pc_names_both_readings_and_is_a_grey_zone():
    outcome = result(walk(SLUG, "egen-pc"))
    assert outcome["id"] == "egen-pc" and outcome["certainty"] == "graasone"
    assert own_pc_quotes(outcome)
    text = words(outcome["text"])
    assert "privat" in text and "fra arbeidsgiver" in text  # both readings, neither chosen
    assert "plikter du" not in text and "din egen PC" not in text


def test_m10_a_private_pc_quotes_the_same_sentence_and_is_the_same_grey_zone():
    outcome = result(walk(SLUG, "privat"))
    assert outcome["id"] == "privat-utstyr" and outcome["certainty"] == "graasone"
    assert own_pc_quotes(outcome) == own_pc_quotes(result(walk(SLUG, "egen-pc")))
    assert TREES[SLUG].outcomes["privat-utstyr"].topics  # other private equipment: silent
    assert any(step.startswith("Avklar med lederen din") for step in outcome["next_steps"])


def test_other_equipment_is_not_mentioned_so_the_guideline_is_silent():
    view = walk(SLUG, "annet")
    outcome = result(view)
    assert view["node"] == "annet-utstyr" and outcome["certainty"] == "ikke-omtalt"
    assert "ikke nevnt" in words(outcome["text"]) and "kontorstol" in words(outcome["text"])


def test_m11_lending_says_it_is_unsaid_whether_short_term_or_sporadic_work_counts():
    outcome = result(walk(SLUG, "lane"))
    assert TREES[SLUG].outcomes["utlan"].topics
    assert "sier ikke" in words(outcome["text"]) and "sporadisk" in words(outcome["text"])


def test_situation_returning_equipment_when_an_agreement_ends_has_a_silent_route():
    tree = TREES[SLUG]
    option = next((o for o in tree.questions["utstyr"].options if o.next == "levere-tilbake"), None)
    assert option is not None
    outcome = result(walk(SLUG, option.id))
    assert outcome["certainty"] == "ikke-omtalt" and tree.outcomes["levere-tilbake"].topics
    assert any(step.startswith("Avklar med lederen din") for step in outcome["next_steps"])
