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
  `Change.segments` is the word-level diff (diff.py).

How anchors are carried: structural anchors (punkt-N, punkt-N<letter>) come from the structure
of each version, and heading anchors from oppsett.toml, so they need nothing. A named paragraph
is found by its opening words (source.py); when those changed, the anchor moves to the most
similar new paragraph under the same heading, if the word-level similarity (difflib ratio) is at
least CARRY_THRESHOLD. Only paragraphs that are new in the section are candidates: one that
stood there unchanged before was another paragraph. Otherwise the anchor is removed.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from . import diff, source
from .layout import FILE_NAME as LAYOUT_FILE
from .layout import Layout, SourceError
from .layout import load as load_layout
from .model import Document
from .problems import Problem, display_path
from .text import version_key, words

# Measured on 0.01 (words, difflib ratio): two different paragraphs under one heading reach at
# most 0.57 ("Følgende omfattes ikke av hjemmekontorforskriften:" against the punkt-10-unntak
# paragraph, which share their tail), across headings at most 0.21. A paragraph whose opening
# words are reworded keeps 0.93 or more; one with one of its two sentences rewritten falls to
# 0.58, which is no longer "the same paragraph": HR then names its new opening in oppsett.toml.
CARRY_THRESHOLD = 0.7
FILE_NAME = re.compile(r"^retningslinje-(\d+(?:\.\d+)*)\.txt$")


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
class Change:
    anchor: str
    kind: str  # "added" | "removed" | "changed"
    old: str  # "" when added
    new: str  # "" when removed
    old_line: int = 0
    new_line: int = 0

    @property
    def segments(self) -> list[tuple[str, str]]:
        return diff.segments(self.old, self.new)


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


def _own_texts(document: Document) -> dict[str, tuple[str, int]]:
    """anchor -> (its own text, its line): the block's words and its unanchored blocks."""
    own: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    for block in document.blocks:
        if block.anchor:
            own[block.anchor] = [block.text]
            lines[block.anchor] = block.line
        elif block.parent in own:
            own[block.parent].append(block.text)
    return {anchor: (" ".join(t for t in texts if t), lines[anchor]) for anchor, texts in own.items()}


def changes(old: Document, new: Document) -> list[Change]:
    before, after = _own_texts(old), _own_texts(new)
    old_order, new_order = list(before), list(after)
    out: list[Change] = []

    def compare(anchor: str) -> None:
        (old_text, old_line), (new_text, new_line) = before[anchor], after[anchor]
        if old_text != new_text:
            out.append(Change(anchor, "changed", old_text, new_text, old_line, new_line))

    # Align the two anchor sequences so a removed anchor is listed where it stood.
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_order, new_order, autojunk=False).get_opcodes():
        for anchor in old_order[i1:i2]:
            if tag == "equal":
                compare(anchor)
            elif anchor not in after:
                out.append(Change(anchor, "removed", before[anchor][0], "", before[anchor][1], 0))
        for anchor in new_order[j1:j2] if tag != "equal" else ():
            if anchor in before:
                compare(anchor)  # moved: listed where it stands now
            else:
                out.append(Change(anchor, "added", "", after[anchor][0], 0, after[anchor][1]))
    return out
