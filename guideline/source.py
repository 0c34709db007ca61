"""The county's text export of the guideline -> Document (see model.py).

`parse(text, source, layout) -> Document` reads one version's file. `layout` is
kilde/oppsett.toml loaded (layout.load). Problems that make the
text unusable raise layout.SourceError with `file:line` messages in Norwegian; things HR should
look at but that still build (an unknown heading, a link whose words are gone) are in
`Document.warnings`.

The export is a three-page document as plain text. What is read, and how:

- The first page's header (the first lines, tab-separated cells) is the metadata: owner, title,
  "Dok.id.:", "Dok.type:", "Versjon:", "Skrevet av:", "Gjelder fra:", "Godkjent av:".
- Page furniture is dropped: the running header of later pages ("<title>\\tVersjon.: …\\tDok.id.:
  …") and the page numbers ("Sidenr: 1 av 3", "Side : 2 av 3"). A sentence that a page break cut
  is rejoined: after furniture, a paragraph that begins in lower case continues the one before
  if that one did not end a sentence.
- Blank lines separate paragraphs. A line "- …" is a list item of its own.
- "N. …" is point N, anchor punkt-N. With a sentence it becomes a heading "Punkt N" and the
  sentence its first paragraph (as the page has always shown it). Without one (it reads as a
  title, see _reads_as_title) the heading is the line itself: "10. Presiseringer om
  hjemmekontor". Points are level 3 inside a section such as "Generelle bestemmelser"; a titled
  point is a section of its own (level 2), and points after it are its siblings (level 2), not
  its children.
- "a) …" inside point N is anchor punkt-N<letter>: "- a) …" a list item (list "letters"),
  "a) …" a paragraph. Other "- …" lines are list items (list "bullets").

Heading or paragraph? A wrong guess would either hide a paragraph in the table of contents or
break a section (and its anchor's text), so the rule is conservative:
1. "- **Words**" (a whole bold list line) is a sub-heading, level 3: the form says so.
2. A line listed under [overskrifter] in oppsett.toml is a heading (level 2); one listed under
   ikke-overskrifter is a paragraph.
3. Any other line is a heading only if it reads as a title: at most MAX_TITLE_WORDS words, a
   capital first, and no punctuation at the end. Such a heading gets a slug anchor and a
   warning, so HR confirms it in oppsett.toml. "Det gis i utgangspunktet ingen kompensasjon for
   reise mellom hjemmekontor og kontor" has no final period, but 12 words: a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .layout import Layout, SourceError
from .model import Block, Document, Link, Meta
from .problems import Problem
from .text import is_version, normalise, parse_date, slug, version_key

MAX_TITLE_WORDS = 7

_PAGE_NUMBER = re.compile(r"^(?:Sidenr|Side)\s*:\s*\d+\s+av\s+\d+$")
_RUNNING_HEADER_CELL = re.compile(r"^(Versjon\.|Dok\.id\.):\s*(\S+)$")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)]*)\)")
_BOLD_LINE = re.compile(r"^\*\*(.+)\*\*$")
_NUMBERED = re.compile(r"^(\d+)\.\s+(.+)$")
_LETTERED = re.compile(r"^([a-z])\)\s")
_SENTENCE_END = re.compile(r"[.:;!?]$")
# The first page's header: label as written -> Meta field.
_META_LABELS = {
    "Dok.id.:": "doc_id",
    "Dok.type:": "doc_type",
    "Versjon:": "version",
    "Skrevet av:": "author",
    "Gjelder fra:": "valid_from",
    "Godkjent av:": "approved_by",
}


def parse(text: str, source: str, layout: Layout) -> Document:
    lines = text.splitlines()
    meta, title_line, body_start, problems = _meta(lines, source)
    parser = _Parser(source, layout, meta)
    parser.read(lines, title_line, body_start)
    document = parser.document()
    problems += parser.problems
    if problems:
        raise SourceError(problems)
    return document


def reduce_markup(text: str) -> str:
    """Source markup reduced to the words: "**Hva betyr kortvarig:**" -> "Hva betyr kortvarig:",
    "[Avtale om hjemmekontor](#)" -> "Avtale om hjemmekontor"."""
    return normalise(_LINK.sub(r"\1", text).replace("**", ""))


def _cells(line: str) -> list[str]:
    return [normalise(cell) for cell in line.split("\t") if cell.strip()]


def _meta(lines: list[str], source: str) -> tuple[Meta, int, int, list[Problem]]:
    """The header: the first run of non-blank lines. Returns the meta, the title's line, the
    index where the body starts, and problems."""
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    values: dict[str, str] = {}
    at: dict[str, int] = {}  # field -> its line
    fields: list[tuple[str, str]] = []
    plain: list[tuple[str, int]] = []  # cells without a label, with their line
    for number, line in enumerate(lines[start:end], start + 1):
        for cell in _cells(line):
            label = next((label for label in _META_LABELS if cell.startswith(label)), None)
            if label:
                values[_META_LABELS[label]] = cell[len(label):].strip()
                at[_META_LABELS[label]] = number
                fields.append((label, values[_META_LABELS[label]]))
            elif not _PAGE_NUMBER.match(cell):
                plain.append((cell, number))
    problems = [
        Problem(source, start + 1, f"toppteksten mangler «{label}»")
        for label, name in _META_LABELS.items() if not values.get(name)
    ]
    if values.get("version") and not is_version(values["version"]):
        message = f"«Versjon: {values['version']}» er ikke et versjonsnummer (for eksempel 0.02)"
        problems.append(Problem(source, at["version"], message))
        values["version"] = ""
    if values.get("valid_from") and parse_date(values["valid_from"]) is None:
        message = (f"«Gjelder fra: {values['valid_from']}» er ikke en dato på formen dd.mm.åååå "
                   "(for eksempel 01.03.2027)")
        problems.append(Problem(source, at["valid_from"], message))
    if len(plain) < 2:
        problems.append(Problem(source, start + 1, "toppteksten mangler eier (fylkeskommunen) og tittel"))
        plain += [("", start + 1)] * 2
    # "Troms fylkeskommune Romssa fylkkasuohkan Tromssan fylkinkomuuni": each name ends in "fylk…".
    owner = tuple(re.findall(r"\S.*?\bfylk\w*", plain[0][0])) or (plain[0][0],)
    meta = Meta(title=plain[1][0], owner=owner, fields=tuple(fields),
                **{name: values.get(name, "") for name in _META_LABELS.values()})
    return meta, plain[1][1], end, problems


def _is_furniture(line: str) -> bool:
    cells = _cells(line)
    if cells and all(_PAGE_NUMBER.match(cell) for cell in cells):
        return True
    # "<title>\tVersjon.: 0.01\tDok.id.: 1.2.2.5.0" at the top of pages 2 and 3.
    return len(cells) == 3 and all(_RUNNING_HEADER_CELL.match(cell) for cell in cells[1:])


def _reads_as_title(text: str) -> bool:
    return len(text.split()) <= MAX_TITLE_WORDS and text[:1].isupper() and not re.search(r"[.,:;!?]$", text)


@dataclass
class _Element:
    """A paragraph or list line as read, before it is classified."""

    raw: str
    line: int
    dash: bool  # written "- …"
    after_break: bool  # page furniture came between this and the element before


@dataclass
class _Parser:
    source: str
    layout: Layout
    meta: Meta
    blocks: list[Block] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    stack: list[tuple[int, str, int]] = field(default_factory=list)  # (level, anchor, point number or 0)

    def read(self, lines: list[str], title_line: int, start: int) -> None:
        self._heading(self.meta.title, title_line, 1, self.layout.title_anchor)
        for element in self._elements(lines, start):
            self._classify(element)

    def _elements(self, lines: list[str], start: int) -> list[_Element]:
        elements: list[_Element] = []
        page_break = blank = False
        for index in range(start, len(lines)):
            raw = lines[index].strip()
            if not raw:
                blank = True
            elif _is_furniture(lines[index]):
                page_break = True
                self._check_running_header(lines[index], index + 1)
            elif (page_break and elements and raw[:1].islower() and not elements[-1].dash
                  and not _SENTENCE_END.search(elements[-1].raw)):
                elements[-1].raw += " " + raw  # a sentence cut by a page break
                page_break = blank = False
            elif raw.startswith("- ") or blank or not elements:
                elements.append(_Element(raw, index + 1, raw.startswith("- "), page_break))
                page_break = blank = False
            else:
                elements[-1].raw += " " + raw  # a paragraph written on several lines
        return elements

    def _check_running_header(self, line: str, number: int) -> None:
        for cell in _cells(line):
            match = _RUNNING_HEADER_CELL.match(cell)
            if match and match.group(1) == "Versjon." and match.group(2) != self.meta.version:
                self._warn(number, f"sidetoppen sier versjon {match.group(2)}, men toppen av dokumentet sier "
                                   f"{self.meta.version}")

    def _classify(self, element: _Element) -> None:
        raw = element.raw[2:].strip() if element.dash else element.raw
        text = reduce_markup(raw)
        line = element.line
        for words, _ in _LINK.findall(raw):
            if not any(rule.phrase == normalise(words) for rule in self.layout.links):
                self._warn(line, f"kilden har en lenke på «{words}»; sett adressen under [[lenke]] i oppsett.toml")
        if element.dash:
            if _BOLD_LINE.match(raw):
                self._heading(text, line, 3, self._heading_anchor(text, line))
            elif _LETTERED.match(text):
                self._content("item", text, line, self._letter_anchor(text, line), "letters")
            else:
                self._content("item", text, line, "", "bullets")
            return
        numbered = _NUMBERED.match(text)
        if numbered:
            self._point(int(numbered.group(1)), numbered.group(2), text, line)
        elif _LETTERED.match(text):
            self._content("paragraph", text, line, self._letter_anchor(text, line))
        elif text in self.layout.headings:
            self._heading(text, line, 2, self.layout.headings[text])
        elif text not in self.layout.not_headings and _reads_as_title(text):
            self._heading(text, line, 2, self._heading_anchor(text, line))
        else:
            self._content("paragraph", text, line)

    def _point(self, number: int, rest: str, text: str, line: int) -> None:
        anchor = f"punkt-{number}"
        if _reads_as_title(rest):
            self._heading(text, line, 2, anchor, point=number, source_words=text)
            return
        # A point after a titled point (a level-2 section of its own) is its sibling.
        section = next((entry for entry in reversed(self.stack) if entry[0] == 2), None)
        level = 2 if section and section[2] else 3
        self._heading(f"Punkt {number}", line, level, anchor, point=number, source_words="")
        self._content("paragraph", rest, line)

    def _heading(self, label: str, line: int, level: int, anchor: str, point: int = 0,
                 source_words: str | None = None) -> None:
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        parent = self.stack[-1][1] if self.stack else ""
        anchor = self._unique(anchor, line)
        self.blocks.append(Block("heading", label if source_words is None else source_words, line, level,
                                 anchor, label, parent=parent))
        self.stack.append((level, anchor, point))

    def _content(self, kind: str, text: str, line: int, anchor: str = "", list_kind: str = "") -> None:
        parent = self.stack[-1][1] if self.stack else ""
        self.blocks.append(Block(kind, text, line, anchor=self._unique(anchor, line), list=list_kind, parent=parent))

    def _heading_anchor(self, text: str, line: int) -> str:
        if text in self.layout.headings:
            return self.layout.headings[text]
        anchor = slug(text)
        self._warn(line, f"ny overskrift «{text}» fikk ankeret «{anchor}»; legg den inn under [overskrifter] i "
                         f"{self.layout.source or 'kilde/oppsett.toml'} (eller under ikke-overskrifter hvis den er et "
                         "avsnitt)")
        return anchor

    def _letter_anchor(self, text: str, line: int) -> str:
        point = next((entry[2] for entry in reversed(self.stack) if entry[2]), 0)
        if not point:
            self._warn(line, f"«{text[:2]}» står utenfor et nummerert punkt og får ikke anker")
            return ""
        return f"punkt-{point}{text[0]}"

    def _warn(self, line: int, message: str, source: str | None = None) -> None:
        self.warnings.append(Problem(self.source if source is None else source, line, message))

    def _unique(self, anchor: str, line: int) -> str:
        if anchor and any(b.anchor == anchor for b in self.blocks):
            self.problems.append(Problem(self.source, line, f"ankeret «{anchor}» finnes allerede lenger opp"))
        return anchor

    def document(self) -> Document:
        blocks = self._named(self.blocks)
        blocks = self._links(blocks)
        return Document(self.meta, tuple(blocks), self.source, tuple(self.warnings))

    def _named(self, blocks: list[Block]) -> list[Block]:
        """Anchors of named paragraphs, by their opening words (versions.py carries them on when
        the words change)."""
        version = version_key(self.meta.version) if self.meta.version else ()
        done: set[str] = set()
        # Several rules may name one anchor (its opening was reworded): the newest applies first.
        for rule in sorted(self.layout.named, key=lambda r: version_key(r.version or "0"), reverse=True):
            if version_key(rule.version or "0") > version or rule.anchor in done:
                continue  # the paragraph comes in a later version, or a newer rule found it
            if any(b.anchor == rule.anchor for b in blocks):
                message = f"ankeret «{rule.anchor}» brukes allerede av en overskrift eller et punkt"
                self.problems.append(Problem(self.layout.source, rule.line, message))
                continue
            found = [i for i, b in enumerate(blocks) if b.kind == "paragraph" and not b.anchor
                     and b.text.startswith(rule.opening)]
            if found:
                blocks[found[0]] = replace(blocks[found[0]], anchor=rule.anchor)
                done.add(rule.anchor)
            if len(found) > 1:
                message = f"flere avsnitt begynner med «{rule.opening}»; ankeret «{rule.anchor}» er på det første"
                self._warn(rule.line, message, self.layout.source)
            if not found and rule.version == self.meta.version:
                where = self.source or "teksten"
                message = f"ingen avsnitt i {where} begynner med «{rule.opening}» (ankeret «{rule.anchor}»)"
                self.problems.append(Problem(self.layout.source, rule.line, message))
        return blocks

    def _links(self, blocks: list[Block]) -> list[Block]:
        """Wrap the words each link rule names in the first block of its section that holds them."""
        document = Document(self.meta, tuple(blocks), self.source)
        for rule in self.layout.links:
            try:
                span = document.span(rule.under)
            except KeyError:
                self._warn(rule.line, f"lenken «{rule.phrase}»: ankeret «{rule.under}» finnes ikke i teksten",
                           self.layout.source)
                continue
            pattern = re.compile(rf"(?<!\w){re.escape(rule.phrase)}(?!\w)")
            for index in range(len(blocks))[span]:
                block = blocks[index]
                match = pattern.search(block.shown)
                if match:
                    link = Link(match.start(), match.end(), rule.target)
                    blocks[index] = replace(block, links=(*block.links, link))
                    break
            else:
                message = f"ordene «{rule.phrase}» står ikke lenger under «{rule.under}»; lenken er tatt bort"
                self._warn(rule.line, message, self.layout.source)
        return blocks
