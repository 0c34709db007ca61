"""The parsed guideline: plain, immutable dataclasses (source.py builds them).

A Document is the guideline of one version: `meta` from the first page's header and `blocks`
in reading order. A block is a heading, a paragraph or a list item. Anchors are the published
ids of the page (`retningslinje/#punkt-8b`); a heading's anchor marks its whole section.

Text here is what the page shows, whitespace-normalised, so it compares equal to what
the built page reads back (tests/built_page.py):

- `Document.anchor_text(anchor)`: a heading anchor's text is its section (the heading label and
  every block up to the next heading of the same or a higher rank); the title's section also
  holds the metadata box, which the page shows right under the title. Any other anchor's text
  is its own block's text.
- `Document.text`: the whole article.
- `Document.sentences()`: every sentence of every paragraph and item (headings are labels, not
  sentences), each with the anchors it sits under, most specific first.
"""

from __future__ import annotations

import builtins
import re
from dataclasses import dataclass
from datetime import date

from .problems import Problem
from .text import normalise, parse_date, sentences


@dataclass(frozen=True)
class Link:
    """Words of a block that a template wraps in a link; offsets into `Block.shown`."""

    start: int
    end: int
    target: str  # "#anchor" on the same page, or "extra:name" (mkdocs.yml)


@dataclass(frozen=True)
class Block:
    kind: str  # "heading" | "paragraph" | "item"
    text: str  # the source's words, markup (** and [x](#)) reduced to the words; "" for "Punkt N"
    line: int  # 1-based line in the source file
    level: int = 0  # headings: 1 the title, 2 a section, 3 a point or sub-section
    anchor: str = ""  # "" when the block has none
    label: str = ""  # headings: the text shown ("Punkt 7", "10. Presiseringer om hjemmekontor")
    list: str = ""  # items: "letters" (a) b) c)) or "bullets"
    parent: str = ""  # anchor of the nearest enclosing heading ("" for the title)
    links: tuple[Link, ...] = ()

    @property
    def shown(self) -> str:
        """What the page shows for this block: a heading's label, else the text."""
        return self.label if self.kind == "heading" else self.text

    def pieces(self) -> builtins.list[tuple[str, str]]:  # `list` here is the field
        """`shown` cut at its links: (words, target), target "" for plain words. Joined, the
        words give `shown` back exactly; a template renders each piece."""
        out, position = [], 0
        for link in sorted(self.links, key=lambda link: link.start):
            if link.start > position:
                out.append((self.shown[position : link.start], ""))
            out.append((self.shown[link.start : link.end], link.target))
            position = link.end
        if position < len(self.shown):
            out.append((self.shown[position:], ""))
        return out


@dataclass(frozen=True)
class Meta:
    title: str
    doc_id: str
    doc_type: str
    version: str
    author: str
    valid_from: str
    approved_by: str
    owner: tuple[str, ...]  # the county's name in Norwegian, Northern Sami and Kven
    fields: tuple[tuple[str, str], ...] = ()  # (label as written, value) in source order, for the box

    @property
    def starts(self) -> date:
        """«Gjelder fra» as a date (source.py refuses a header whose date does not parse)."""
        parsed = parse_date(self.valid_from)
        if parsed is None:
            raise ValueError(f"«Gjelder fra: {self.valid_from}» is not a dd.mm.yyyy date")
        return parsed

    @property
    def text(self) -> str:
        """The metadata box as the page reads: the owner's names, then "label value" pairs."""
        return normalise(" ".join([*self.owner, *(f"{label} {value}" for label, value in self.fields)]))


@dataclass(frozen=True)
class Sentence:
    text: str
    anchors: tuple[str, ...]  # the block's own anchor (if any), then each enclosing heading's
    line: int


@dataclass(frozen=True)
class Document:
    meta: Meta
    blocks: tuple[Block, ...]
    source: str = ""  # the file, for messages
    warnings: tuple[Problem, ...] = ()  # things HR should look at; the page can still be built

    def anchors(self) -> list[str]:
        """Every anchor, in document order."""
        return [b.anchor for b in self.blocks if b.anchor]

    def block(self, anchor: str) -> Block | None:
        return next((b for b in self.blocks if b.anchor == anchor), None)

    def section(self, anchor: str) -> list[Block]:
        """The blocks an anchor marks: a heading and everything up to the next heading of the
        same or a higher rank; any other block alone. KeyError for an unknown anchor."""
        return list(self.blocks[self.span(anchor)])

    def span(self, anchor: str) -> slice:
        """Where `section(anchor)` sits in `blocks`. KeyError for an unknown anchor."""
        index = next((i for i, b in enumerate(self.blocks) if b.anchor == anchor), None)
        if index is None:
            raise KeyError(anchor)
        head = self.blocks[index]
        if head.kind != "heading":
            return slice(index, index + 1)
        end = next(
            (i for i in range(index + 1, len(self.blocks))
             if self.blocks[i].kind == "heading" and self.blocks[i].level <= head.level),
            len(self.blocks),
        )
        return slice(index, end)

    def anchor_text(self, anchor: str) -> str:
        """The normalised text the built page gives for `anchor`. KeyError for an unknown anchor."""
        return self._join(self.section(anchor))

    @property
    def text(self) -> str:
        return self._join(self.blocks)

    def _join(self, blocks: list[Block] | tuple[Block, ...]) -> str:
        parts = []
        for block in blocks:
            parts.append(block.shown)
            if block.kind == "heading" and block.level == 1:
                parts.append(self.meta.text)  # the box under the title
        return normalise(" ".join(parts))

    def chain(self, anchor: str) -> tuple[str, ...]:
        """`anchor` and the anchors of the headings around it, most specific first."""
        parents = {b.anchor: b.parent for b in self.blocks if b.anchor}
        out = []
        while anchor and anchor not in out:
            out.append(anchor)
            anchor = parents.get(anchor, "")
        return tuple(out)

    def place(self, anchor: str) -> str:
        """A reader's name for where an anchor points: "Punkt 8 b", "Hva betyr kortvarig",
        or for a paragraph of its own the heading it stands under. "" for an unknown anchor."""
        block = self.block(anchor)
        if block is None:
            return ""
        point = re.fullmatch(r"punkt-(\d+)([a-z]?)", anchor)
        if point:
            return f"Punkt {point.group(1)}" + (f" {point.group(2)}" if point.group(2) else "")
        if block.kind == "heading":
            return block.label.rstrip(":").strip()
        return self.place(block.parent)

    def labels(self) -> dict[str, str]:
        """Every anchor's place name (`place`), as citations show it on the site and in receipts."""
        return {anchor: self.place(anchor) for anchor in self.anchors()}

    def sentences(self) -> list[Sentence]:
        return [
            Sentence(text, self.chain(block.anchor or block.parent), block.line)
            for block in self.blocks
            if block.kind != "heading"
            for text in sentences(block.text)
        ]
