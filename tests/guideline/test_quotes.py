"""guideline.quotes: quotes in the trees and the FAQ against a new version of the guideline."""

from __future__ import annotations

import re

import pytest

from decision_tree import registry
from decision_tree.load import display_path
from guideline import quotes, versions
from guideline.text import normalise
from tests.site import guideline_source

from .conftest import FIXTURE, ROOT
from .edits import EDITS

MESSAGE = re.compile(r"^sitatet står ikke lenger ordrett under «([^»]+)» i versjon 0\.02: «(.+)»\. "
                     r"Nærmeste setning nå \(([^)]+)\): «(.+)»$")


@pytest.fixture(scope="module")
def tree_quotes():
    return quotes.tree_quotes(registry.trees().values())


def test_tree_quotes_are_the_citations_with_their_lines(tree_quotes):
    cited = [(t.source, c.line, c.anchor, c.quote) for t in registry.trees().values()
             for o in t.outcomes.values() for c in o.citations]
    assert [(q.source, q.line, q.anchor, q.text) for q in tree_quotes] == cited
    for quote in tree_quotes:  # the line is where the quote is written
        assert quote.text in (ROOT / quote.source).read_text(encoding="utf-8").splitlines()[quote.line - 1]


def test_every_tree_quote_holds_in_0_01(tree_quotes, first):
    assert quotes.check(tree_quotes, first, "0.01") == []


def test_quotes_that_0_02_broke_are_named_with_file_line_and_the_closest_sentence(tree_quotes, loaded):
    latest = loaded[-1].document
    removed = versions.removed(loaded)
    problems = quotes.check(tree_quotes, latest, "0.02", removed)
    # Independently of the parser: the fixture's text itself, page furniture removed.
    text = " ".join(guideline_source.paragraphs(FIXTURE))
    broken = [q for q in tree_quotes if normalise(q.text) not in text or q.anchor in removed]
    assert broken, "the fixture should break some quotes"
    assert [(p.source, p.line) for p in problems] == [(q.source, q.line) for q in broken]
    for problem, quote in zip(problems, broken):
        edit = next(e for e in EDITS if e.anchor == quote.anchor)
        if edit.kind == "removed":
            assert problem.message.startswith(
                f"ankeret «{quote.anchor}» finnes ikke lenger: det ble fjernet i versjon 0.02 (sist med i versjon 0.01). "
                f"Sitatet: «{quote.text}».")
            continue
        anchor, old, near_anchor, near = MESSAGE.match(problem.message).groups()
        assert (anchor, old) == (quote.anchor, quote.text)
        # The closest sentence is the edited one, under the same anchor, as it reads now.
        assert near_anchor == edit.anchor and normalise(edit.new) in near
        assert near in [s.text for s in latest.sentences()]


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


def test_an_unknown_anchor_says_so(first):
    [problem] = quotes.check([quotes.Quote("x.toml", 3, "punkt-99", "Skjerm")], first, "0.01")
    assert str(problem) == ("x.toml:3: ankeret «punkt-99» finnes ikke i versjon 0.01. Sitatet: «Skjerm». "
                            "Det står ordrett under «punkt-9»: rett ankeret.")
    [problem] = quotes.check([quotes.Quote("x.toml", 3, "punkt-99", "Skjerm og tastatur")], first, "0.01")
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
    found = [(q.line, q.anchor, q.text) for q in quotes.faq_quotes(path)]
    assert found == [
        (5, "punkt-3", "Å jobbe hjemmefra er hverken en rettighet eller plikt for den ansatte."),
        (12, "forsikring-vurdering", "Men, som nevnt; rettspraksis etter korona har vært streng med tanke på når en "
                                     "skade har skjedd «i arbeid» på hjemmekontor, dette gjelder særlig i pauser."),
        (23, "kortvarig", "Noen få dagers hjemmearbeid vil typisk være kortvarig."),
        (24, "kortvarig", "Merk at også disse dagene skal avklares med leder i forkant."),
    ]
    assert {q.source for q in quotes.faq_quotes(path)} == {display_path(path)}


def test_faq_quotes_are_checked_like_tree_quotes(tmp_path, first, loaded):
    path = tmp_path / "faq.md"
    path.write_text(FAQ, encoding="utf-8")
    found = quotes.faq_quotes(path)
    assert quotes.check(found, first, "0.01") == []
    [problem] = quotes.check(found, loaded[-1].document, "0.02", versions.removed(loaded))
    assert (problem.source, problem.line) == (display_path(path), 23)
    assert problem.message.endswith("Nærmeste setning nå (kortvarig): «Inntil tre dagers hjemmearbeid vil typisk være "
                                    "kortvarig.»")


def test_the_sites_faq_quotes_hold(first):
    assert quotes.check(quotes.faq_quotes(ROOT / "docs" / "faq.md"), first, "0.01") == []
