"""Quotes in the trees and the FAQ (tooling/quotes.py) against a new version of the guideline (guideline.quotes)."""

from __future__ import annotations

import re

import pytest

from guideline import quotes, versions
from guideline.problems import display_path
from guideline.text import normalise
from tests.content import ROOT, TREES
from tooling import quotes as found_quotes
from tooling.quotes import page_quotes

from .edits import EDITS


@pytest.fixture(scope="module")
def tree_quotes():
    return found_quotes.tree_quotes(TREES.values())


def test_tree_quotes_are_the_citations_with_their_lines(tree_quotes):
    cited = [(t.source, c.line, c.anchor, c.quote) for t in TREES.values()
             for o in t.outcomes.values() for c in o.citations]
    assert [(q.source, q.line, q.anchor, q.text) for q in tree_quotes] == cited
    for quote in tree_quotes:  # the line is where the quote is written
        assert quote.text in (ROOT / quote.source).read_text(encoding="utf-8").splitlines()[quote.line - 1]


def every_sentence(version) -> list[quotes.Quote]:
    """A quote of each sentence of `version`, under its own anchor: as if the site quoted all of it."""
    return [quotes.Quote("x.toml", n, s.anchors[0], s.text) for n, s in enumerate(version.document.sentences(), 1)]


def test_a_changed_sentence_is_named_with_the_sentence_that_replaced_it(loaded):
    problems = quotes.check(every_sentence(loaded[0]), loaded)
    for edit in (e for e in EDITS if e.kind == "changed"):
        about = f"sitatet står ikke lenger ordrett under «{edit.anchor}»"
        [problem] = [p for p in problems if p.message.startswith(about)]
        old, new = re.search(r"Setningen «(.+)» er endret; nå står det: «(.+)»$", problem.message).groups()
        assert normalise(edit.old) in old and normalise(edit.new) in new
        assert new in [s.text for s in loaded[1].document.sentences() if edit.anchor in s.anchors]


def test_a_removed_sentence_is_named_as_removed_with_the_version(loaded):
    problems = quotes.check(every_sentence(loaded[0]), loaded)
    for edit in (e for e in EDITS if e.kind == "removed"):
        sentence = normalise(edit.old)
        [problem] = [p for p in problems if f"«{sentence}»" in p.message]
        assert problem.message.startswith(f"ankeret «{edit.anchor}» finnes ikke lenger: det ble fjernet i versjon 0.02")
        assert problem.message.endswith(f"Setningen «{sentence}» er fjernet i versjon 0.02 (sist med i versjon 0.01).")


def test_a_removed_sentence_is_never_given_a_sentence_that_still_stands(kilde):
    """In a later version a sentence goes from an anchor whose other sentences stay: the check says it
    was removed, and does not offer one of the others (which an answer may quote already)."""
    second = (kilde / "retningslinje-0.02.txt").read_text(encoding="utf-8")
    punkt_5 = next(s for s in versions.load(kilde)[1].document.sentences() if s.anchors[0] == "punkt-5")
    gone = [s.text for s in versions.load(kilde)[1].document.sentences() if s.anchors[0] == "punkt-5"][-1]
    third = second.replace("Versjon: 0.02", "Versjon: 0.03").replace(" " + gone, "")
    (kilde / "retningslinje-0.03.txt").write_text(third, encoding="utf-8")
    loaded = versions.load(kilde)
    [problem] = quotes.check([quotes.Quote("x.toml", 1, "punkt-5", gone),
                              quotes.Quote("x.toml", 2, "punkt-5", punkt_5.text)], loaded)
    assert problem.line == 1
    assert problem.message.endswith(f"Setningen «{gone}» er fjernet i versjon 0.03 (sist med i versjon 0.02).")


def test_a_quote_of_several_sentences_points_at_the_one_that_changed(loaded):
    edit = next(e for e in EDITS if e.kind == "changed" and e.anchor == "kortvarig")
    paragraph = loaded[0].document.block("kortvarig")  # a heading: its paragraph follows
    sentences = [s.text for s in loaded[0].document.sentences() if "kortvarig" in s.anchors]
    [problem] = quotes.check([quotes.Quote("faq.md", 9, "kortvarig", " ".join(sentences))], loaded)
    named = re.findall(r"Setningen «([^«»]+)»", problem.message)
    assert paragraph is not None and len(sentences) > 1
    assert named == [s for s in sentences if normalise(edit.old) in s]


def test_the_closest_sentence_prefers_the_quotes_own_anchor(loaded):
    latest = loaded[-1].document
    old = "Det gis i utgangspunktet ingen ekstra kompensasjon"
    # Under reise stands "Det gis i utgangspunktet ingen kompensasjon for reise …": it holds more of
    # the quote's words (6 of 7) than the edited sentence under punkt-8b (5 of 7), but elsewhere.
    reise = "Det gis i utgangspunktet ingen kompensasjon for reise mellom hjemmekontor og kontor"
    assert quotes.closest(old, latest).text == reise
    assert quotes.closest(old, latest, "punkt-8b").text == "Det gis ingen ekstra kompensasjon for en slik endring."
    assert quotes.closest(old, latest, "punkt-1").text == reise  # nothing like it under punkt-1
    assert quotes.closest("Headset", latest).anchors == ("punkt-9", "generelle-bestemmelser", "retningslinje")
    assert quotes.closest("Telefonkatalog", latest) is None  # no word in common


def test_an_unknown_anchor_says_so(loaded):
    first = loaded[:1]
    [problem] = quotes.check([quotes.Quote("x.toml", 3, "punkt-99", "Skjerm")], first)
    assert str(problem) == ("x.toml:3: ankeret «punkt-99» finnes ikke i versjon 0.01. Sitatet: «Skjerm». "
                            "Det står ordrett under «punkt-9»: rett ankeret. Sitatet: «Skjerm».")
    [problem] = quotes.check([quotes.Quote("x.toml", 3, "punkt-99", "Skjerm og tastatur")], first)
    assert str(problem).endswith("Nærmeste setning nå (punkt-9): «Skjerm»")


# --- Quotes in the FAQ (Markdown) -------------------------------------------------------------

FAQ = """\
# Spørsmål { #faq }

## Har jeg rett til hjemmekontor? { #rett }

> «Å jobbe hjemmefra er hverken en rettighet
> eller plikt for den ansatte.»
> — [Retningslinjen, punkt 3](retningslinje.md#punkt-3)

Tekst mellom.

> — [Forsikring](retningslinje.md#forsikring-vurdering)
> «Men, som nevnt; rettspraksis etter korona har vært streng med tanke på når en skade har skjedd «i arbeid» på
> hjemmekontor, dette gjelder særlig i pauser.»

> «Et sitat uten lenke til retningslinjen.»
> — [Noe annet](https://example.org/)

```markdown
> «Inne i en kodeblokk.»
> — [punkt 1](retningslinje.md#punkt-1)
```

> «Noen få dagers hjemmearbeid vil typisk være kortvarig.» og
> «Merk at også disse dagene skal avklares med leder i forkant.»
> — [kortvarig](../retningslinje.md#kortvarig)
"""


def test_faq_quotes_are_read_from_blockquotes_with_a_guideline_link(tmp_path):
    path = tmp_path / "faq.md"
    path.write_text(FAQ, encoding="utf-8")
    found = [(q.line, q.anchor, q.text) for q in page_quotes(path)]
    assert found == [
        (5, "punkt-3", "Å jobbe hjemmefra er hverken en rettighet eller plikt for den ansatte."),
        (12, "forsikring-vurdering", "Men, som nevnt; rettspraksis etter korona har vært streng med tanke på når en "
                                     "skade har skjedd «i arbeid» på hjemmekontor, dette gjelder særlig i pauser."),
        (23, "kortvarig", "Noen få dagers hjemmearbeid vil typisk være kortvarig."),
        (24, "kortvarig", "Merk at også disse dagene skal avklares med leder i forkant."),
    ]
    assert {q.source for q in page_quotes(path)} == {display_path(path)}


def test_faq_quotes_are_checked_like_tree_quotes(tmp_path, loaded):
    path = tmp_path / "faq.md"
    path.write_text(FAQ, encoding="utf-8")
    found = page_quotes(path)
    assert quotes.check(found, loaded[:1]) == []
    [problem] = quotes.check(found, loaded)
    assert (problem.source, problem.line) == (display_path(path), 23)
    assert problem.message.endswith("nå står det: «Inntil tre dagers hjemmearbeid vil typisk være kortvarig.»")
