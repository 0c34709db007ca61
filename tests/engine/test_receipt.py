"""The plain-text receipt: an e-mail body and a print view."""

from __future__ import annotations

from decision_tree import api, registry

from .conftest import walk

LINK = "https://intranett.example/hjemmekontor/beslutningstre/hjemmearbeid/"


def test_receipt_holds_version_date_tree_answers_outcome_citations_and_link():
    view = walk("hjemmearbeid", "hjemme", "nei", "lenger", {"dager": "3", "uker": "8"})
    text = api.receipt("hjemmearbeid", view["state"], LINK, {"skjema_url": "https://skjema.example/"})
    g = registry.common().guideline
    assert f"versjon {g.version}" in text and "0.01" in text
    assert f"gjelder fra {g.valid_from}" in text and "19.02.2026" in text
    assert registry.get("hjemmearbeid").title in text
    for answer in view["answers"]:
        assert answer["question"] in text
        assert answer["answer"] in " ".join(text.split())
    assert "Resultat: Sporadisk hjemmearbeid" in text
    assert "Hvor sikkert: Retningslinjen svarer" in text
    flat = " ".join(text.split())
    for citation in view["outcome"]["citations"]:
        assert f"«{citation['quote']}»" in flat
        assert f"https://intranett.example/hjemmekontor/retningslinje/#{citation['anchor']}" in flat
    assert f"{LINK}?svar={view['state']}" in text


def test_receipt_is_plain_text_with_links_filled_in():
    view = walk("hjemmearbeid", "hjemme", "ja")
    text = api.receipt("hjemmearbeid", view["state"], LINK, {"skjema_url": "https://skjema.example/"})
    assert "**" not in text and "](" not in text and "<" not in text
    assert "skjemaportalen (https://skjema.example/)" in text
    assert all(len(line) <= 100 for line in text.splitlines())


def test_receipt_without_extra_drops_the_unknown_address_not_the_words():
    view = walk("hjemmearbeid", "utlandet")
    text = api.receipt("hjemmearbeid", view["state"], "")
    assert "Kontakt POU for en egen vurdering." in text
    assert "extra:" not in text and "?svar=" not in text


def test_receipt_before_the_end_says_there_is_no_result_yet():
    view = walk("reise", "kontor")
    text = api.receipt("reise", view["state"], "https://x.example/beslutningstre/reise/?svar=old&a=1")
    assert "ikke svart på alle spørsmålene" in text
    assert f"https://x.example/beslutningstre/reise/?a=1&svar={view['state']}" in text


def test_invalid_state_receipt_is_the_message():
    assert api.receipt("reise", "tull", LINK) == "Lenken er ugyldig eller utdatert. Start på nytt."
