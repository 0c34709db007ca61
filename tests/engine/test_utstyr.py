"""Scenarios for `utstyr` (point 9). "egen pc til hjemmekontor" is quoted without choosing a reading;
private equipment and other equipment are where the guideline is silent."""

from __future__ import annotations

from .conftest import result, walk, words

SLUG = "utstyr"
OWN_PC = ("dersom arbeidstaker har egen pc til hjemmekontor, plikter arbeidstaker å ta med denne til "
          "sentraladministrasjonen for sikkerhetsoppdateringer med mer med jevne mellomrom.")


def test_employer_lends_pc_screen_and_headset():
    # "Arbeidsgiver låner ut følgende utstyr til bruk ved hjemmekontor: PC (kan ta med laptop fra kontoret) ..."
    view = walk(SLUG, "lane")
    assert view["node"] == "utlan"
    assert "PC, skjerm og headset" in words(result(view)["text"])


def test_an_own_pc_for_the_home_office_is_quoted_without_reading_it_either_way():
    view = walk(SLUG, "egen-pc")
    outcome = result(view)
    assert view["node"] == "egen-pc"
    assert [c["quote"] for c in outcome["citations"]] == [OWN_PC]
    text = words(outcome["text"])
    assert "forklarer ikke nærmere" in text
    assert "privat" not in text.lower() and "din egen PC" not in text  # no reading chosen


def test_private_equipment_is_where_the_guideline_is_silent_and_the_leader_is_asked():
    view = walk(SLUG, "privat")
    outcome = result(view)
    assert view["node"] == "privat-utstyr" and outcome["certainty"] == "ikke-omtalt"
    assert "sier ikke noe om" in words(outcome["text"]) and OWN_PC in [c["quote"] for c in outcome["citations"]]
    assert any(step.startswith("Avklar med lederen din") for step in outcome["next_steps"])


def test_other_equipment_is_not_mentioned_so_the_guideline_is_silent():
    view = walk(SLUG, "annet")
    outcome = result(view)
    assert view["node"] == "annet-utstyr" and outcome["certainty"] == "ikke-omtalt"
    assert "ikke nevnt" in words(outcome["text"]) and "kontorstol" in words(outcome["text"])
