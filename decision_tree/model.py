"""The decision-tree data model: plain, immutable dataclasses, and the schema files are read by.

A tree is a graph of nodes. A node is a Question or an Outcome; both have an id
that is unique within the tree. Every question leads on through its options
(for a number question the options are ranges of the computed value).

The dataclasses are also the schema: load.py reads TOML and bundle.py reads the
browser's JSON by walking these fields, so a new field is declared once, here.
Field metadata:
- `key`: the name in the file when it differs from the field's ("citation" for
  the `citations` tables);
- `id`: the value must be an id (a–z, digits, hyphens);
- `choices`, `range`: allowed values of a text or a whole number;
- `line`: not read from the file; where the table was written, for file:line messages.
"""

from __future__ import annotations

import functools
import re
import typing
from dataclasses import dataclass, field
from fractions import Fraction
from typing import ClassVar

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_VALUE = re.compile(r"^\s*([a-z0-9-]+)\s*(?:/\s*([a-z0-9-]+)\s*)?$")

LINE = {"line": True}


@functools.cache
def field_types(cls: type) -> dict:
    """A dataclass's field types, resolved once per class for load.py and bundle.py: resolving the
    string annotations is the slow part (measured in Pyodide: per object, it took about 110 of the
    bundle's 135 ms)."""
    return typing.get_type_hints(cls)


def _line() -> int:
    return field(default=0, compare=False, metadata=LINE)


@dataclass(frozen=True)
class Citation:
    WHAT: ClassVar[str] = "et sitat"
    LINE_KEY: ClassVar[str] = "quote"

    anchor: str
    quote: str
    line: int = _line()


@dataclass(frozen=True)
class Option:
    WHAT: ClassVar[str] = "et svaralternativ"

    id: str = field(metadata={"id": True})
    label: str
    next: str
    # Number questions only: the option applies when value < below; None = catch-all.
    below: Fraction | None = None
    line: int = _line()


@dataclass(frozen=True)
class NumberField:
    WHAT: ClassVar[str] = "et tallfelt"

    id: str = field(metadata={"id": True})
    label: str
    unit: str = ""  # plural, e.g. "uker"
    unit_one: str = ""  # singular, e.g. "uke"; defaults to unit
    min: Fraction = Fraction(0)
    max: Fraction | None = None
    decimals: int = field(default=0, metadata={"range": (0, 3)})  # stored scaled by 10**decimals
    min_message: str = ""
    max_message: str = ""
    line: int = _line()


@dataclass(frozen=True)
class Question:
    WHAT: ClassVar[str] = "et spørsmål"

    id: str = field(metadata={"id": True})
    text: str
    kind: str = field(default="choice", metadata={"choices": ("choice", "number")})
    hint: str = ""
    options: tuple[Option, ...] = field(default=(), metadata={"key": "option"})
    fields: tuple[NumberField, ...] = field(default=(), metadata={"key": "field"})
    # Number questions: the compared value, "numerator" or "numerator / denominator" (field ids).
    value: str = ""
    value_label: str = ""  # e.g. "dager i uken i snitt"
    value_label_one: str = ""  # when the value is exactly 1: "dag i uken i snitt"
    max_value: Fraction | None = None
    max_value_message: str = ""
    line: int = _line()

    def option(self, option_id: object) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def _value(self) -> tuple[str, str]:
        text = self.value or (self.fields[0].id if len(self.fields) == 1 else "")
        match = _VALUE.match(text)
        return (match.group(1), match.group(2) or "") if match else ("", "")

    @property
    def numerator(self) -> str:
        return self._value()[0]

    @property
    def denominator(self) -> str:
        return self._value()[1]


@dataclass(frozen=True)
class Outcome:
    WHAT: ClassVar[str] = "et utfall"

    id: str = field(metadata={"id": True})
    title: str
    text: str
    certainty: str
    citations: tuple[Citation, ...] = field(default=(), metadata={"key": "citation"})
    next_steps: tuple[str, ...] = ()  # ids of shared steps (common.toml [steps])
    # Laws and regulations to read more in, by id in kilde/eksterne-kilder.toml: shown after the
    # answer, labelled as external, never as part of the guideline.
    external: tuple[str, ...] = ()
    # Where the outcome says the guideline is silent: words that would end that silence in a new version.
    topics: tuple[str, ...] = ()
    line: int = _line()


@dataclass(frozen=True)
class Tree:
    slug: str
    title: str
    description: str
    start: str
    questions: dict[str, Question]
    outcomes: dict[str, Outcome]
    order: int = 100  # position in lists
    source: str = field(default="", compare=False)  # path of the file, for messages
    line_start: int = field(default=0, compare=False)

    def node(self, node_id: str) -> Question | Outcome | None:
        return self.questions.get(node_id) or self.outcomes.get(node_id)


@dataclass(frozen=True)
class Certainty:
    WHAT: ClassVar[str] = "et sikkerhetsnivå"

    id: str = field(metadata={"id": True})
    label: str
    line: int = _line()


@dataclass(frozen=True)
class Step:
    WHAT: ClassVar[str] = "et steg"

    id: str = field(metadata={"id": True})
    text: str
    line: int = _line()


@dataclass(frozen=True)
class Guideline:
    """The guideline the trees quote: its newest version in kilde/ (registry.py reads it)."""

    title: str
    version: str
    valid_from: str
    page: str  # the site page that carries the anchors, "retningslinje"


@dataclass(frozen=True)
class Common:
    """Shared data every tree uses: decision_tree/common.toml, and the guideline from kilde/."""

    WHAT: ClassVar[str] = "fellesfila"

    certainty: tuple[Certainty, ...]
    step: tuple[Step, ...]
    guideline: Guideline | None = None  # not read from the file: registry.py sets it from kilde/
    source: str = field(default="", compare=False)

    @property
    def certainties(self) -> dict[str, Certainty]:
        return {c.id: c for c in self.certainty}

    @property
    def steps(self) -> dict[str, Step]:
        return {s.id: s for s in self.step}
