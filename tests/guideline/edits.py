"""The fixture tests/fixtures/retningslinje-0.02.txt is 0.01 with exactly these edits
(test_versions.test_fixture_is_0_01_with_exactly_these_edits holds it to that)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    kind: str  # what versions.changes should call it
    anchor: str
    old: str  # source text in 0.01 …
    new: str  # … and what stands there in 0.02


HEADER = [  # (old, new): the version and the date, on every page
    ("Versjon: 0.01\t", "Versjon: 0.02\t"),
    ("Versjon.: 0.01\t", "Versjon.: 0.02\t"),
    ("Gjelder fra: 19.02.2026", "Gjelder fra: 01.09.2026"),
]
POINT_11 = "Arbeidstaker skal selv sørge for at arbeidsplassen på hjemmekontoret er ergonomisk forsvarlig innredet."
# In document order.
EDITS = [
    Edit("changed", "punkt-2", "må egen skriftlig tilleggsavtale lages.",
         "må det lages en egen skriftlig tilleggsavtale."),
    Edit("changed", "punkt-8b", "Det gis i utgangspunktet ingen ekstra kompensasjon",
         "Det gis ingen ekstra kompensasjon"),
    Edit("removed", "punkt-10-unntak",
         "Kortvarig arbeid og sporadisk hjemmearbeid omfattes ikke av hjemmekontorforskriften.\n\n", ""),
    Edit("changed", "kortvarig", "Noen få dagers hjemmearbeid", "Inntil tre dagers hjemmearbeid"),
    Edit("added", "punkt-11", "skje jevnlig.\n\n", f"skje jevnlig.\n\n11. {POINT_11}\n\n"),
]


def apply(text: str) -> str:
    for old, new in HEADER:
        assert old in text, old
        text = text.replace(old, new)
    for edit in EDITS:
        assert text.count(edit.old) == 1, edit
        text = text.replace(edit.old, edit.new)
    return text
