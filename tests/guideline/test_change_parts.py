"""The changes page's data (guideline.versions): each change block by block, so list items stay items and
headings stay headings, and the header fields that changed. Expectations are read from the fixtures'
blocks, not written out."""

from __future__ import annotations

import shutil
from itertools import pairwise

import pytest

from guideline import diff, versions

from .conftest import FIXTURE

UPCOMING = FIXTURE.parent / "retningslinje-0.03.txt"


@pytest.fixture
def three(kilde) -> list[versions.Version]:
    shutil.copy(UPCOMING, kilde / UPCOMING.name)
    return versions.load(kilde)


def pieces(change: versions.Change) -> list[versions.Piece]:
    return [p for kind, part in change.parts() for p in (part if kind == "list" else [part])]


def side(piece: versions.Piece, op: str) -> str:
    return "".join(text for o, text in piece.segments if o in ("equal", op))


def test_every_block_of_every_change_is_a_piece_of_its_own_kind(three):
    for older, version in pairwise(three):
        for change in versions.changes(older.document, version.document):
            got = pieces(change)
            # Each new block is exactly one piece, with its kind: nothing runs into its neighbour.
            new = [(b.kind, b.list, b.text) for b in change.new_blocks if b.text]
            assert [(p.kind, p.list, side(p, "insert")) for p in got if side(p, "insert")] == new, change.anchor
            old = [(b.kind, b.list, b.text) for b in change.old_blocks if b.text]
            assert [(p.kind, p.list, side(p, "delete")) for p in got if side(p, "delete")] == old, change.anchor
            # Runs of items are grouped as lists, headings and paragraphs stand alone.
            for kind, part in change.parts():
                assert (kind == "list") == isinstance(part, list)
                assert all(p.kind == "item" for p in part) if kind == "list" else part.kind == kind


def test_an_added_list_item_and_a_new_heading_are_shown_as_such(three):
    previous, newest = three[-2].document, three[-1].document
    before = {b.text for b in previous.blocks}
    added_items = [b.text for b in newest.blocks if b.kind == "item" and b.text not in before]
    added_headings = [b.text for b in newest.blocks if b.kind == "heading" and b.text and b.text not in before]
    assert added_items and added_headings, "the fixture adds a list item and a section"
    found = [p for c in versions.changes(previous, newest) for p in pieces(c)]
    for text in added_items:
        assert versions.Piece("item", "bullets", (("insert", text),)) in found
    for text in added_headings:
        assert versions.Piece("heading", "", (("insert", text),)) in found


def test_header_changes_are_the_fields_that_differ(three):
    for older, version in pairwise(three):
        before = dict(older.document.meta.fields)
        expected = [(label.rstrip(":"), before[label], value) for label, value in version.document.meta.fields
                    if label != "Versjon:" and before[label] != value]
        assert versions.header_changes(older.document, version.document) == expected
    labels = [label for label, _, _ in versions.header_changes(three[-2].document, three[-1].document)]
    assert {"Gjelder fra", "Godkjent av"} <= set(labels), "the 0.03 fixture changes both"


def test_align_pairs_similar_blocks_and_leaves_new_ones_whole():
    old = ["Arbeidsgiver låner ut dette:", "PC", "Skjerm"]
    new = ["Arbeidsgiver låner ut alt dette:", "Et nytt avsnitt om noe helt annet.", "PC", "Skjerm", "Mus"]
    assert diff.align(old, new) == [(0, 0), (None, 1), (1, 2), (2, 3), (None, 4)]
    assert diff.align(["PC"], ["PC"], lambda i, j: False) == [(0, None), (None, 0)]
    assert diff.align([], ["a"]) == [(None, 0)] and diff.align(["a"], []) == [(0, None)]
