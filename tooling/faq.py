"""The FAQ page (docs/faq.md) as entries: one per `## Question? { #id }`, with what it rests on.

Directly under its heading an entry says how sure its answer is, and, where it says the guideline is
silent on something, which words would end that silence if a new guideline version used them:

    ## Kan jeg bruke min egen, private PC? { #egen-pc }
    <!-- certainty: graasone -->
    <!-- topics: privat pc, egen maskin -->

- `entries(path) -> list[Entry]`: every entry, in page order, with its lines, its certainty and
  topics, the guideline anchors it quotes or links to, and its quotes; `parse(text, source)` the same
  for Markdown in hand (the search index reads the page as MkDocs gives it).
- `METADATA`: the comment form, `<!-- key: value -->`; `hooks/faq_entries.py` renders the certainty
  as a label and drops the comments from the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from guideline.problems import display_path
from guideline.quotes import Quote

from .quotes import GUIDELINE_LINK, markdown_quotes

HEADING = re.compile(r"^## (?P<title>.+?)\s*\{\s*#(?P<id>[a-z0-9-]+)[^}]*\}\s*$")
METADATA = re.compile(r"^<!--\s*(?P<key>[a-z]+):\s*(?P<value>.*?)\s*-->\s*$")
KEYS = ("certainty", "topics")
PAGE = "faq"  # the entry's address on the site: faq/#<id>


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    source: str  # the file, as HR sees it
    line: int  # of the heading
    end: int  # the last line of the entry
    certainty: str  # "" when the entry declares none
    topics: tuple[str, ...]
    anchors: tuple[str, ...]  # the guideline anchors it quotes or links to, in page order
    quotes: tuple[Quote, ...]
    metadata_lines: dict[str, int]  # key -> the line it is declared on

    @property
    def key(self) -> str:
        return f"{PAGE}#{self.id}"


def entries(path: Path) -> list[Entry]:
    return parse(path.read_text(encoding="utf-8"), display_path(path))


def parse(text: str, source: str) -> list[Entry]:
    """The entries of an FAQ page's Markdown; `source` names the file in messages. Metadata counts
    only directly under its heading (blank lines aside): a comment further down is just a comment."""
    lines = text.splitlines()
    heads = [(n, m) for n, line in enumerate(lines, 1) if (m := HEADING.match(line))]
    quotes = markdown_quotes(text, source)
    found = []
    for index, (start, heading) in enumerate(heads):
        end = heads[index + 1][0] - 1 if index + 1 < len(heads) else len(lines)
        body = lines[start:end]  # the lines after the heading
        metadata: dict[str, str] = {}
        at: dict[str, int] = {}
        for offset, line in enumerate(body, start + 1):
            match = METADATA.match(line.strip())
            if match:
                metadata.setdefault(match["key"], match["value"])
                at.setdefault(match["key"], offset)
            elif line.strip():
                break
        own = tuple(q for q in quotes if start <= q.line <= end)
        linked = [m.group(1) for line in body for m in GUIDELINE_LINK.finditer(line)]
        anchors = tuple(dict.fromkeys([*(q.anchor for q in own), *linked]))
        topics = tuple(t.strip() for t in metadata.get("topics", "").split(",") if t.strip())
        found.append(Entry(heading["id"], heading["title"], source, start, end, metadata.get("certainty", ""),
                           topics, anchors, own, at))
    return found
