"""The plain-text receipt as the CLI renders it from partials/tree/receipt.txt.

(The widget's copy is the same template, rendered by the build with slots: tests/site and tests/browser.)
"""

from __future__ import annotations

import pytest

from decision_tree.state import decode
from tests.content import COMMON, CONTENT, GUIDELINE, TREES
from tooling.receipt import render

from .conftest import walk

pytest.importorskip("jinja2", reason="the receipt is rendered by the CLI and the build, not in the browser")

LINK = "https://intranett.example/hjemmekontor/beslutningstre/hjemmearbeid/"


def receipt(view: dict, link: str = LINK, extra: dict | None = None) -> str:
    tree = TREES[view["tree"]]
    state = decode(tree, view["state"], GUIDELINE.version).state
    return render(CONTENT.project, tree, state, CONTENT.catalog, CONTENT.labels(), link, extra)


def test_receipt_holds_version_date_tree_answers_outcome_citations_and_link():
    view = walk("hjemmearbeid", "nei", "hjemme", "usikker", {"dager": "3", "uker": "8"}, "spredt")
    text = receipt(view, extra={"skjema_url": "https://skjema.example/"})
    tree, g = TREES["hjemmearbeid"], GUIDELINE
    assert f"Retningslinjens versjon {g.version}, gjelder fra {g.valid_from}" in text
    assert f"Godkjent av: {g.approved_by}" in text
    assert f"Beslutningstre: {tree.title}" in text
    flat = " ".join(text.split())
    for n, answer in enumerate(view["answers"], start=1):
        question = tree.questions[answer["question"]]
        shown = answer["text"] or question.option(answer["option"]).label
        assert f"{n}. {question.text} Svar: {shown}" in flat
    outcome = tree.outcomes[view["node"]]
    assert f"Resultat: {outcome.title}" in text
    assert f"Hvor sikkert: {COMMON.certainties[outcome.certainty].label}" in text
    for citation in outcome.citations:
        assert f"«{citation.quote}»" in flat
        assert f"https://intranett.example/hjemmekontor/{g.page}/#{citation.anchor}" in flat
    assert f"{LINK}?svar={view['state']}" in text


def test_receipt_is_plain_text_with_links_filled_in():
    view = walk("hjemmearbeid", "nei", "hjemme", "faste-dager")
    text = receipt(view, extra={"skjema_url": "https://skjema.example/"})
    assert "**" not in text and "](" not in text and "<" not in text
    assert "skjemaportalen (https://skjema.example/)" in text
    # Wrapped for mail readers, except lines that are one long address (links stay whole).
    assert all(len(line) <= 74 or "://" in line for line in text.splitlines())


def test_receipt_without_extra_drops_the_unknown_address_not_the_words():
    view = walk("hjemmearbeid", "nei", "utlandet")
    text = receipt(view, link="")
    assert "Kontakt POU for en egen vurdering." in text
    assert "extra:" not in text and "?svar=" not in text


def test_receipt_before_the_end_says_there_is_no_result_yet():
    view = walk("reise", "kontor")
    text = receipt(view, link="https://x.example/beslutningstre/reise/?svar=old&a=1")
    assert "ikke svart på alle spørsmålene" in text
    assert f"https://x.example/beslutningstre/reise/?a=1&svar={view['state']}" in text


def test_the_guideline_in_receipts_is_the_newest_header_in_kilde():

    meta = CONTENT.newest.document.meta
    g = GUIDELINE
    assert (g.title, g.version, g.valid_from, g.approved_by) == (meta.title, meta.version, meta.valid_from,
                                                                 meta.approved_by)
    assert g.approved_by, "«Godkjent av» is read from the header"
