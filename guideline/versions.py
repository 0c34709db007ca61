"""Every version of the guideline in a folder, and what changed between them.

- `load(directory) -> list[Version]`: reads `directory/oppsett.toml` and every
  `directory/retningslinje-<version>.txt`, sorted by version number (0.01 < 0.02 < 0.10). The
  version in the file name must be the one in the header's "Versjon:". Anchors are carried from
  each version to the next (see `carry`). Raises SourceError with `file:line` problems.
- `removed(versions) -> dict[anchor, Removal]`: anchors an earlier version had and the newest
  has not, with the last version that had each and the version that removed it. Published
  links to them now lead nowhere: the page (and the quote check) should say so.
- `changes(old, new) -> list[Change]`: per anchor, in document order, "added", "removed" or
  "changed", with the old and the new text. A block without an anchor counts as part of its
  nearest anchored heading ("Punkt 2"'s paragraph is punkt-2's text). A heading's own text is its
  source words (none for "Punkt N") and its unanchored blocks; anchored blocks under it are
  changes of their own, and the metadata (version, dates) is not a change of the text.
  `Change.segments` is the word-level diff (diff.py); `Change.parts()` the same block by block.
- `header_changes(old, new)`: the header fields that changed (Gjelder fra, Godkjent av, …).

Which version is in force (one rule, used by every page that names a version, and by checks):
- `build_date()`: today in Europe/Oslo, or the date in the environment variable HJEMMEKONTOR_DATO
  (YYYY-MM-DD), for tests and rehearsals. A wrong value raises SourceError with a Norwegian message.
- `timeline(versions, today) -> Timeline`: a version is in force from its «Gjelder fra» on, until
  a later version is. `Timeline.current` is the newest version whose date has come (None before
  the first one's); `state(version)` is "gjeldende", "gjaldt" (only when a later version is in
  force) or "kommende" (its date has not come). The trees and the FAQ rest on the newest version
  all the same (`Timeline.pending` says when that one is not yet in force). `load` refuses a
  version dated before the version it follows, so in-force versions are always a prefix.

How anchors are carried: structural anchors (punkt-N, punkt-N<letter>) come from the structure
of each version, and heading anchors from oppsett.toml, so they need nothing. A named paragraph
is found by its opening words (source.py); when those changed, the anchor moves to the most
similar new paragraph under the same heading, if the word-level similarity (difflib ratio) is at
least CARRY_THRESHOLD. Only paragraphs that are new in the section are candidates: one that
stood there unchanged before was another paragraph. Otherwise the anchor is removed.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import diff, source
from .layout import FILE_NAME as LAYOUT_FILE
from .layout import Layout, SourceError
from .layout import load as load_layout
from .model import Block, Document
from .problems import Problem, display_path
from .text import version_key, words

# Measured on 0.01 (words, difflib ratio): two different paragraphs under one heading reach at
# most 0.57 ("Følgende omfattes ikke av hjemmekontorforskriften:" against the punkt-10-unntak
# paragraph, which share their tail), across headings at most 0.21. A paragraph whose opening
# words are reworded keeps 0.93 or more; one with one of its two sentences rewritten falls to
# 0.58, which is no longer "the same paragraph": HR then names its new opening in oppsett.toml.
CARRY_THRESHOLD = 0.7
FILE_NAME = re.compile(r"^retningslinje-(\d+(?:\.\d+)*)\.txt$")
DATE_SETTING = "HJEMMEKONTOR_DATO"  # the build date for tests and rehearsals, YYYY-MM-DD
TIME_ZONE = "Europe/Oslo"  # the county's day: a build at 00:30 in Tromsø is already the new day
PAGE = "retningslinje"  # the page that shows the version in force; each version also has PAGE/versjon/<v>/


@dataclass(frozen=True)
class Version:
    number: str  # "0.01"
    path: Path
    document: Document


@dataclass(frozen=True)
class Removal:
    last: str  # the last version that had the anchor
    removed_in: str  # the first version without it


@dataclass(frozen=True)
class Piece:
    """One block of a change as the changes page shows it, diffed word by word (diff.segments)."""

    kind: str  # "heading" | "paragraph" | "item"
    list: str  # items: "letters" | "bullets"
    segments: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Change:
    anchor: str
    kind: str  # "added" | "removed" | "changed"
    old: str  # "" when added
    new: str  # "" when removed
    old_line: int = 0
    new_line: int = 0
    old_blocks: tuple[Block, ...] = field(default=(), compare=False)  # the blocks `old` is made of
    new_blocks: tuple[Block, ...] = field(default=(), compare=False)

    @property
    def segments(self) -> list[tuple[str, str]]:
        return diff.segments(self.old, self.new)

    def parts(self) -> list[tuple[str, Any]]:
        """The change block by block, for the page: ("heading"|"paragraph", Piece) and ("list", [Piece])
        for a run of items, old and new blocks paired by diff.align."""
        old = [b for b in self.old_blocks if b.text]
        new = [b for b in self.new_blocks if b.text]
        out: list[tuple[str, Any]] = []  # Any: a Piece, or the list of a run's Pieces
        for i, j in diff.align([b.text for b in old], [b.text for b in new],
                               lambda i, j: (old[i].kind, old[i].list) == (new[j].kind, new[j].list)):
            was, now = (old[i] if i is not None else None), (new[j] if j is not None else None)
            block = now or was
            assert block is not None  # align never pairs nothing with nothing
            words = diff.segments(was.text if was else "", now.text if now else "")
            piece = Piece(block.kind, block.list, tuple(words))
            if block.kind != "item":
                out.append((block.kind, piece))
            elif out and out[-1][0] == "list" and out[-1][1][-1].list == piece.list:
                out[-1][1].append(piece)
            else:
                out.append(("list", [piece]))
        return out


def load(directory: Path) -> list[Version]:
    layout = load_layout(directory / LAYOUT_FILE)
    problems: list[Problem] = []
    found: list[Version] = []
    for path in sorted(directory.glob("retningslinje*.txt")):
        name = display_path(path)
        match = FILE_NAME.match(path.name)
        if not match:
            message = "filnavnet må være retningslinje-<versjon>.txt, for eksempel retningslinje-0.02.txt"
            problems.append(Problem(name, 1, message))
            continue
        text = path.read_text(encoding="utf-8")
        try:
            document = source.parse(text, name, layout)
        except SourceError as exc:
            problems.extend(exc.problems)
            continue
        if document.meta.version != match.group(1):
            line = next((n for n, raw in enumerate(text.splitlines(), 1) if "Versjon:" in raw), 1)
            message = f"«Versjon: {document.meta.version}» stemmer ikke med filnavnet (versjon {match.group(1)})"
            problems.append(Problem(name, line, message))
            continue
        found.append(Version(match.group(1), path, document))
    found.sort(key=lambda v: version_key(v.number))
    for earlier, later in pairwise(found):
        if version_key(earlier.number) == version_key(later.number):
            message = f"versjon {later.number} finnes også i {earlier.path.name}"
            problems.append(Problem(display_path(later.path), 1, message))
    for earlier, later in pairwise(found):
        if later.document.meta.starts < earlier.document.meta.starts:
            text = later.path.read_text(encoding="utf-8")
            line = next((n for n, raw in enumerate(text.splitlines(), 1) if "Gjelder fra:" in raw), 1)
            message = (f"versjon {later.number} gjelder fra {later.document.meta.valid_from}, før versjon "
                       f"{earlier.number} ({earlier.document.meta.valid_from}); en ny versjon kan ikke gjelde fra "
                       "en tidligere dato enn versjonen før")
            problems.append(Problem(display_path(later.path), line, message))
    if not found and not problems:
        problems.append(Problem(display_path(directory), 1, "ingen filer retningslinje-<versjon>.txt i mappen"))
    if problems:
        raise SourceError(problems)
    versions = found[:1]
    for version in found[1:]:
        versions.append(replace(version, document=carry(versions[-1].document, version.document, layout)))
    return versions


def carry(old: Document, new: Document, layout: Layout) -> Document:
    """`new` with the named anchors of `old` that its opening words did not find (see above)."""
    named = {rule.anchor for rule in layout.named}
    blocks = list(new.blocks)
    for gone in (b for b in old.blocks if b.anchor in named and new.block(b.anchor) is None):
        before = {b.text for b in old.blocks if b.parent == gone.parent}
        candidates = [
            (ratio(gone.text, b.text), index) for index, b in enumerate(blocks)
            if b.kind == "paragraph" and not b.anchor and b.parent == gone.parent and b.text not in before
        ]
        best = max(candidates, default=None)
        if best and best[0] >= CARRY_THRESHOLD:
            blocks[best[1]] = replace(blocks[best[1]], anchor=gone.anchor)
    return replace(new, blocks=tuple(blocks))


def ratio(a: str, b: str) -> float:
    """Word-level similarity, 0..1 (difflib's ratio on lower-case words)."""
    return difflib.SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()


def removed(versions: list[Version]) -> dict[str, Removal]:
    if not versions:
        return {}
    now = set(versions[-1].document.anchors())
    out: dict[str, Removal] = {}
    for earlier, later in pairwise(versions):
        for anchor in earlier.document.anchors():
            if anchor not in now and anchor not in later.document.anchors():
                out[anchor] = Removal(earlier.number, later.number)
    return out


def _own_blocks(document: Document) -> dict[str, list[Block]]:
    """anchor -> its own blocks: the anchored block and the unanchored blocks under it."""
    own: dict[str, list[Block]] = {}
    for block in document.blocks:
        if block.anchor:
            own[block.anchor] = [block]
        elif block.parent in own:
            own[block.parent].append(block)
    return own


def _own_texts(document: Document) -> dict[str, tuple[str, int]]:
    """anchor -> (its own text, its line): the block's words and its unanchored blocks."""
    return {anchor: (" ".join(b.text for b in blocks if b.text), blocks[0].line)
            for anchor, blocks in _own_blocks(document).items()}


def header_changes(old: Document, new: Document) -> list[tuple[str, str, str]]:
    """(label, old value, new value) for each header field that changed, in the new header's order
    ("Gjelder fra", "Godkjent av", …). The version number itself is not listed: it always changes."""
    before = {label: value for label, value in old.meta.fields}
    return [(label.rstrip(":"), before.get(label, ""), value) for label, value in new.meta.fields
            if label != "Versjon:" and before.get(label, "") != value]


def changes(old: Document, new: Document) -> list[Change]:
    before, after = _own_texts(old), _own_texts(new)
    old_blocks, new_blocks = _own_blocks(old), _own_blocks(new)
    old_order, new_order = list(before), list(after)
    out: list[Change] = []

    def change(anchor: str, kind: str) -> Change:
        (old_text, old_line), (new_text, new_line) = before.get(anchor, ("", 0)), after.get(anchor, ("", 0))
        return Change(anchor, kind, old_text, new_text, old_line, new_line,
                      tuple(old_blocks.get(anchor, ())), tuple(new_blocks.get(anchor, ())))

    def compare(anchor: str) -> None:
        if before[anchor][0] != after[anchor][0]:
            out.append(change(anchor, "changed"))

    # Align the two anchor sequences so a removed anchor is listed where it stood.
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_order, new_order, autojunk=False).get_opcodes():
        for anchor in old_order[i1:i2]:
            if tag == "equal":
                compare(anchor)
            elif anchor not in after:
                out.append(change(anchor, "removed"))
        for anchor in new_order[j1:j2] if tag != "equal" else ():
            if anchor in before:
                compare(anchor)  # moved: listed where it stands now
            else:
                out.append(change(anchor, "added"))
    return out


class _Setting(Problem):
    """A problem in an environment variable: no file, no line."""

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def build_date(environ: dict | None = None) -> date:
    """Today in Europe/Oslo, or HJEMMEKONTOR_DATO (YYYY-MM-DD) when it is set."""
    value = (os.environ if environ is None else environ).get(DATE_SETTING, "").strip()
    if not value:
        try:
            return datetime.now(ZoneInfo(TIME_ZONE)).date()
        except ZoneInfoNotFoundError:  # no time zone data (Pyodide): the same rule, written out
            utc = datetime.now(UTC)
            return (utc + oslo_offset(utc)).date()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    message = f"«{value}» er ikke en dato på formen ÅÅÅÅ-MM-DD (for eksempel {DATE_SETTING}=2027-03-01)"
    raise SourceError([_Setting(DATE_SETTING, 0, message)])


def oslo_offset(utc: datetime) -> timedelta:
    """Europe/Oslo's offset from UTC at the instant `utc`: CET (+1), and CEST (+2) from the last Sunday
    of March to the last Sunday of October, 01:00 UTC both (the EU rule Norway follows)."""
    def last_sunday(month: int) -> datetime:
        end = date(utc.year, month, 31)
        return datetime.combine(end - timedelta(days=(end.weekday() + 1) % 7), time(1), tzinfo=UTC)

    return timedelta(hours=2 if last_sunday(3) <= utc < last_sunday(10) else 1)


@dataclass(frozen=True)
class Timeline:
    """The versions as of one day (see the module's docstring). `versions` sorted, as `load` gives them."""

    versions: tuple[Version, ...]
    today: date

    @property
    def current(self) -> Version | None:
        """In force today: the newest version whose «Gjelder fra» has come."""
        return next((v for v in reversed(self.versions) if v.document.meta.starts <= self.today), None)

    @property
    def shown(self) -> Version:
        """What retningslinje/ shows: the version in force, or the first one before any is."""
        return self.current or self.versions[0]

    @property
    def newest(self) -> Version:
        """What the trees and the FAQ rest on (and quotes are checked against), in force or not."""
        return self.versions[-1]

    @property
    def pending(self) -> bool:
        """The newest version is not yet in force: answers rest on a version that does not apply yet."""
        return self.current is None or self.current.number != self.newest.number

    @property
    def upcoming(self) -> tuple[Version, ...]:
        """Versions whose date has not come, oldest first."""
        return tuple(v for v in self.versions if self.state(v) == "kommende")

    def state(self, version: Version) -> str:
        current = self.current
        if current is None or _index(self.versions, version) > _index(self.versions, current):
            return "kommende"
        return "gjeldende" if version.number == current.number else "gjaldt"

    def successor(self, version: Version) -> Version | None:
        """The version after this one: for a version that "gjaldt", the one that replaced it."""
        index = _index(self.versions, version)
        return self.versions[index + 1] if index + 1 < len(self.versions) else None

    def page(self, version: Version) -> str:
        """The site page (without ".md") that shows `version`: PAGE for the version shown there."""
        return PAGE if version.number == self.shown.number else f"{PAGE}/versjon/{version.number}"


def _index(found: tuple[Version, ...], version: Version) -> int:
    return next(i for i, v in enumerate(found) if v.number == version.number)


def timeline(found: list[Version], today: date | None = None) -> Timeline:
    """The versions as of `today` (default: `build_date()`)."""
    return Timeline(tuple(found), build_date() if today is None else today)
