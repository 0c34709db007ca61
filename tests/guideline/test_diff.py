"""guideline.diff: word-level segments that join back exactly, and read as the edit a person made."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from guideline import source
from guideline.diff import changed, segments

from .conftest import FIRST, FIXTURE, LAYOUT

WORDS = ["Det", "gis", "i", "utgangspunktet", "ingen", "ekstra", "kompensasjon", "for", "en", "slik", "endring",
         "må", "egen", "skriftlig", "tilleggsavtale", "lages", "Noen", "få", "dagers", "hjemmearbeid", "å", "ø"]
PIECES = st.sampled_from([*WORDS, " ", "  ", ", ", ". ", "\n", "«", "»", "(", ")", "jf.", "7a"])
TEXTS = st.lists(PIECES, max_size=40).map("".join) | st.text(max_size=60)


def joined(parts, *ops):
    return "".join(text for op, text in parts if op in ops)


@given(TEXTS, TEXTS)
def test_segments_join_back_to_old_and_new(old, new):
    parts = segments(old, new)
    assert joined(parts, "equal", "delete") == old
    assert joined(parts, "equal", "insert") == new
    assert all(text for _, text in parts)
    assert all(op in ("equal", "delete", "insert") for op, _ in parts)
    # Equal text is never split in two, and nothing is reported changed that is not.
    assert all(not (a == b == "equal") for (a, _), (b, _) in pairwise(parts))
    if old == new:
        assert changed(parts) == []


@given(TEXTS, TEXTS)
def test_a_change_never_cuts_a_word(old, new):
    parts = segments(old, new)
    for view in (("equal", "delete"), ("equal", "insert")):  # the old text, the new text
        kept = [(op, text) for op, text in parts if op in view]
        for (_, a), (_, b) in pairwise(kept):
            # Where a change begins or ends, a word ends: "[-h-]verken" would be a cut.
            assert not (a[-1].isalnum() and b[0].isalnum()), parts


def edited(anchor: str) -> tuple[str, str]:
    """The text of `anchor`'s section in 0.01 and in the fixture's 0.02, without its heading."""
    old, new = (source.parse(path.read_text(encoding="utf-8"), path.name, LAYOUT) for path in (FIRST, FIXTURE))
    return tuple(" ".join(b.text for b in doc.section(anchor) if b.kind != "heading") for doc in (old, new))


def test_the_fixture_edits_read_as_the_edits():
    # One place per edit, whole words only, no more fragments than the edit has.
    assert changed(segments(*edited("punkt-8b"))) == [("delete", " i utgangspunktet")]
    assert changed(segments(*edited("kortvarig"))) == [("delete", " Noen få"), ("insert", " Inntil tre")]
    # A reordering: "må egen skriftlig tilleggsavtale lages." -> "må det lages en egen skriftlig tilleggsavtale."
    assert changed(segments(*edited("punkt-2"))) == [("insert", " det lages en"), ("delete", " lages")]


def test_a_rewritten_sentence_keeps_its_unchanged_words_and_whole_words():
    old = "Arbeid i utlandet vil kun unntaksvis kunne innvilges."
    new = "Arbeid i utlandet innvilges bare unntaksvis, og aldri for mer enn tre måneder i året."
    parts = segments(old, new)
    assert parts[0] == ("equal", "Arbeid i utlandet")
    assert ("equal", " unntaksvis") in parts
    for _, text in changed(parts):
        assert re.fullmatch(r"(\s*[\w,.]+)+", text), text
