"""The decision-tree data model: plain, immutable dataclasses.

A tree is a graph of nodes. A node is a Question or an Outcome; both have an id
that is unique within the tree. Every question leads on through its options
(for a number question the options are ranges of the computed value).
`line` fields remember where a thing was written, so checks can say file:line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction


@dataclass(frozen=True)
class Citation:
    anchor: str
    quote: str
    line: int = 0


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    next: str
    # Number questions only: the option applies when value < below; None = catch-all.
    below: Fraction | None = None
    line: int = 0


@dataclass(frozen=True)
class NumberField:
    id: str
    label: str
    unit: str = ""  # plural, e.g. "uker"
    unit_one: str = ""  # singular, e.g. "uke"; defaults to unit
    min: Fraction = Fraction(0)
    max: Fraction | None = None
    decimals: int = 0  # how many decimals a user may type; stored scaled by 10**decimals
    min_message: str = ""
    max_message: str = ""
    line: int = 0


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # "choice" | "number"
    text: str
    hint: str = ""
    options: tuple[Option, ...] = ()
    fields: tuple[NumberField, ...] = ()
    # Number questions: the compared value is `numerator` or `numerator / denominator`.
    numerator: str = ""
    denominator: str = ""
    value_label: str = ""  # e.g. "dager i uken i snitt"
    value_label_one: str = ""  # when the value is exactly 1: "dag i uken i snitt"
    max_value: Fraction | None = None
    max_value_message: str = ""
    line: int = 0

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Outcome:
    id: str
    title: str
    text: str
    certainty: str
    citations: tuple[Citation, ...] = ()
    next_steps: tuple[str, ...] = ()  # ids of shared steps (common.toml [steps])
    line: int = 0


@dataclass(frozen=True)
class Certainty:
    id: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class Guideline:
    title: str
    version: str
    valid_from: str
    page: str  # the site page that carries the anchors, e.g. "retningslinje"


@dataclass(frozen=True)
class Common:
    """Shared data every tree uses (decision_tree/common.toml)."""

    guideline: Guideline
    certainties: dict[str, Certainty]
    steps: dict[str, str]  # step id -> Markdown
    source: str = ""
    lines: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Tree:
    slug: str
    title: str
    description: str
    start: str
    questions: dict[str, Question]
    outcomes: dict[str, Outcome]
    order: int = 100  # position in lists
    source: str = ""  # path of the file, for messages
    line_start: int = 0

    def node(self, node_id: str) -> Question | Outcome | None:
        return self.questions.get(node_id) or self.outcomes.get(node_id)
