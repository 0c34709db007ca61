"""Scenarios for `utstyr` (point 9)."""

from __future__ import annotations

from .conftest import result, walk, words

SLUG = "utstyr"


def test_employer_lends_pc_screen_and_headset():
    # "Arbeidsgiver låner ut følgende utstyr til bruk ved hjemmekontor: PC (kan ta med laptop fra kontoret) ..."
    view = walk(SLUG, "lane")
    assert result(view)["id"] == "utlan"
    assert "PC, skjerm og headset" in words(result(view)["text"])


def test_own_pc_must_be_brought_in_for_security_updates():
    # "dersom arbeidstaker har egen pc til hjemmekontor, plikter arbeidstaker å ta med denne til
    #  sentraladministrasjonen for sikkerhetsoppdateringer med mer med jevne mellomrom."
    view = walk(SLUG, "egen-pc")
    outcome = result(view)
    assert outcome["id"] == "egen-pc"
    assert "sentraladministrasjonen" in outcome["citations"][0]["quote"]
    assert any("sikkerhetsoppdateringer" in s for s in outcome["next_steps"])


def test_other_equipment_is_not_mentioned_so_ask_the_leader():
    view = walk(SLUG, "annet")
    assert result(view)["id"] == "annet-utstyr"
    assert result(view)["certainty"] == "graasone"
    assert "ikke nevnt" in words(result(view)["text"])
