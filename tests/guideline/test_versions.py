"""guideline.versions: loading every version, carrying anchors, and what changed."""

from __future__ import annotations

import pytest

from guideline import versions
from guideline.layout import SourceError
from guideline.text import normalise

from .conftest import FIRST, FIXTURE
from .edits import EDITS, POINT_11, apply


def test_fixture_is_0_01_with_exactly_these_edits():
    assert apply(FIRST.read_text(encoding="utf-8")) == FIXTURE.read_text(encoding="utf-8")


def test_versions_load_sorted_with_metadata(loaded):
    assert [v.number for v in loaded] == ["0.01", "0.02"]
    assert [v.document.meta.version for v in loaded] == ["0.01", "0.02"]
    assert loaded[1].document.meta.valid_from == "01.09.2026"
    assert [v.path.name for v in loaded] == ["retningslinje-0.01.txt", "retningslinje-0.02.txt"]


def test_changes_are_exactly_the_edits_in_document_order(loaded):
    old, new = (v.document for v in loaded)
    found = versions.changes(old, new)
    assert [(c.kind, c.anchor) for c in found] == [(e.kind, e.anchor) for e in EDITS]
    for change, edit in zip(found, EDITS):
        if change.kind == "changed":
            # The anchor's text differs by the edit and by nothing else…
            assert change.old.replace(normalise(edit.old), normalise(edit.new)) == change.new
            # …and the diff marks nothing outside it.
            parts = change.segments
            marked = [i for i, (op, _) in enumerate(parts) if op != "equal"]
            region = parts[marked[0] : marked[-1] + 1]
            assert "".join(t for op, t in region if op != "insert").strip() in edit.old
            assert "".join(t for op, t in region if op != "delete").strip() in edit.new
        elif change.kind == "removed":
            assert (change.old, change.new) == (normalise(edit.old), "")
            assert change.segments == [("delete", change.old)]
        else:
            assert (change.old, change.new) == ("", POINT_11)
            assert change.segments == [("insert", POINT_11)]


def test_changes_say_where_in_each_file(loaded):
    old, new = (v.document for v in loaded)
    lines = {p: p.read_text(encoding="utf-8").splitlines() for p in (FIRST, FIXTURE)}
    for change in versions.changes(old, new):
        if change.old_line:
            assert lines[FIRST][change.old_line - 1].strip(), change
        if change.new_line:
            assert lines[FIXTURE][change.new_line - 1].strip(), change
    added = versions.changes(old, new)[-1]
    assert lines[FIXTURE][added.new_line - 1] == f"11. {POINT_11}"


def test_the_removed_paragraph_is_reported_with_its_versions(loaded):
    assert versions.removed(loaded) == {"punkt-10-unntak": versions.Removal(last="0.01", removed_in="0.02")}
    assert versions.removed(loaded[:1]) == {}


def test_point_11_is_new_and_a_sibling_of_point_10(loaded):
    old, new = (v.document for v in loaded)
    assert "punkt-11" not in old.anchors()
    assert new.anchors().index("punkt-11") == new.anchors().index("sporadisk") + 1
    heading = new.block("punkt-11")
    assert (heading.kind, heading.label, heading.level, heading.parent) == ("heading", "Punkt 11", 2, "retningslinje")
    assert POINT_11 not in new.anchor_text("punkt-10")
    assert new.anchor_text("punkt-11") == f"Punkt 11 {POINT_11}"


def test_every_other_anchor_keeps_its_text(loaded):
    old, new = (v.document for v in loaded)
    edited = {e.anchor for e in EDITS}
    for anchor in old.anchors():
        touched = edited & set(old.chain(anchor)) | edited & {b.anchor for b in old.section(anchor)}
        if not touched and anchor != "retningslinje" and anchor in new.anchors():
            assert new.anchor_text(anchor) == old.anchor_text(anchor), anchor


# --- Carrying named anchors when their words change ------------------------------------------


def later_version(kilde, number: str, *edits: tuple[str, str]):
    text = (kilde / "retningslinje-0.02.txt").read_text(encoding="utf-8")
    text = text.replace("Versjon: 0.02\t", f"Versjon: {number}\t")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (kilde / f"retningslinje-{number}.txt").write_text(text, encoding="utf-8")


def test_a_reworded_opening_keeps_its_anchor_on_the_most_similar_paragraph(kilde):
    later_version(kilde, "0.03", ("Merk også at det må avklares med leder", "Det må også avklares med leder"))
    loaded = versions.load(kilde)
    latest = loaded[-1].document
    assert latest.block("forsikring-avklaring").text.startswith("Det må også avklares med leder")
    assert versions.removed(loaded) == {"punkt-10-unntak": versions.Removal("0.01", "0.02")}
    assert [(c.kind, c.anchor) for c in versions.changes(loaded[1].document, latest)] == [
        ("changed", "forsikring-avklaring")]


def test_a_rewritten_paragraph_loses_its_anchor_until_oppsett_names_it(kilde):
    rewritten = "Den ansatte skal alltid avtale med leder på forhånd, helst skriftlig, hvilke dager som er hjemmedager."
    old = ("Merk også at det må avklares med leder, helst skriftlig per epost eller tilsvarende, hvorvidt man er "
           "hjemme og arbeider eller ei (ved kortvarig arbeid hjemmefra, ordinært hjemmekontor er allerede avtalt).")
    later_version(kilde, "0.03", (old, rewritten))
    assert versions.removed(versions.load(kilde))["forsikring-avklaring"] == versions.Removal("0.02", "0.03")
    oppsett = kilde / "oppsett.toml"
    oppsett.write_text(oppsett.read_text(encoding="utf-8") + (
        '\n[[avsnitt]]\nanker = "forsikring-avklaring"\n'
        'begynner = "Den ansatte skal alltid avtale"\nversjon = "0.03"\n'),
        encoding="utf-8")
    loaded = versions.load(kilde)
    assert "forsikring-avklaring" not in versions.removed(loaded)
    assert loaded[-1].document.block("forsikring-avklaring").text == rewritten
    assert loaded[0].document.block("forsikring-avklaring").text.startswith("Merk også at det må avklares")


def test_an_unchanged_neighbour_never_inherits_a_removed_anchor(kilde):
    # "Hvis skaden ikke …" stays; its named neighbour "Merk at det vil …" goes. Even a paragraph
    # that resembled the removed one would not take its anchor if it stood there before.
    gone = ("Merk at det vil kunne være vanskeligere å få godkjent yrkesskade på hjemmekontor enn på ordinært "
            "kontor, da grensene er vagere her. Rettspraksis så langt har vist at man ofte ikke får godkjent skader "
            "hjemme, særlig ikke skader som oppstår eksempelvis i lunsjpauser eller tilsvarende.\n\n")
    later_version(kilde, "0.03", (gone, ""))
    loaded = versions.load(kilde)
    assert versions.removed(loaded)["forsikring-rettspraksis"] == versions.Removal("0.02", "0.03")
    assert loaded[-1].document.anchors() == [a for a in loaded[1].document.anchors() if a != "forsikring-rettspraksis"]


def test_carry_does_not_choose_a_paragraph_that_stood_there_before():
    from guideline import layout, source

    from .test_source import page

    monthly = "Leder og ansatt avtaler hjemmedager for hver måned skriftlig."
    weekly = "Leder og ansatt avtaler hjemmedager for hver uke skriftlig."
    rules = layout.Layout(headings={"Del": "del"}, named=(layout.NamedParagraph("maned", "Leder og ansatt avtaler "
                                                                                "hjemmedager for hver måned", "0.01"),))
    old = source.parse(page(f"Del\n\n{monthly}\n\n{weekly}"), "x.txt", rules)
    new = source.parse(page(f"Del\n\n{weekly}", "0.02"), "x.txt", rules)
    assert versions.ratio(monthly, weekly) >= versions.CARRY_THRESHOLD  # similar enough, but it was there before
    assert old.block("maned").text == monthly
    assert versions.carry(old, new, rules).block("maned") is None


# --- Problems when loading ---------------------------------------------------------------------


def test_a_file_whose_name_and_header_disagree_is_a_problem(kilde):
    (kilde / "retningslinje-0.03.txt").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    (kilde / "retningslinje-ny.txt").write_text("", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        versions.load(kilde)
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    version_line = next(n for n, line in enumerate(lines, 1) if line.startswith("Versjon: 0.02"))
    messages = sorted((p.source.rsplit("/", 1)[-1], p.line, p.message) for p in caught.value.problems)
    assert messages == [
        ("retningslinje-0.03.txt", version_line, "«Versjon: 0.02» stemmer ikke med filnavnet (versjon 0.03)"),
        ("retningslinje-ny.txt", 1,
         "filnavnet må være retningslinje-<versjon>.txt, for eksempel retningslinje-0.02.txt"),
    ]


def test_versions_sort_by_number_not_by_name(kilde):
    later_version(kilde, "0.10")
    assert [v.number for v in versions.load(kilde)] == ["0.01", "0.02", "0.10"]


def test_a_missing_oppsett_is_a_problem(kilde):
    (kilde / "oppsett.toml").unlink()
    with pytest.raises(SourceError) as caught:
        versions.load(kilde)
    assert caught.value.problems[0].source.endswith("oppsett.toml")
