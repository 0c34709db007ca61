"""Quotes of the guideline in the trees and the FAQ, and the check that they still hold.

- `Quote(source, line, anchor, text)`: words someone copied from the guideline, and the anchor
  they were copied from.
- `tree_quotes(trees) -> list[Quote]`: the citations of decision-tree outcomes
  (decision_tree.registry.trees().values()).
- `faq_quotes(path) -> list[Quote]`: quotes in a Markdown page, written as a blockquote whose
  lines hold «…» (over one or more `>` lines) and a link to `retningslinje.md#<anchor>`:

      > «Å jobbe hjemmefra er hverken en rettighet eller plikt for den ansatte.»
      > — [Retningslinjen, punkt 3](retningslinje.md#punkt-3)

  A quote belongs to the first such link after it in its blockquote, else the last one before
  it. A blockquote without such a link is not a quote of the guideline. «» inside a quote nest.
- `check(quotes, document, version, removed=None) -> list[Problem]`: one Norwegian `file:line`
  problem per quote that is not word for word (whitespace normalised) under its anchor in
  `document` (the guideline of `version`, e.g. "0.02"). It names the quote and the closest
  sentence now, with that sentence's anchor. `removed` (versions.removed) lets it say when a
  missing anchor went away.
- `closest(text, document, anchor="") -> Sentence | None`: the sentence most like `text`.
- `guillemets(text) -> list[(start, end)]`: offsets of the « and its matching » of each outermost «…».

Closest means: the sentence that holds most of the quote's words in order (a quote is often
part of a sentence), ties to the more similar sentence overall. A sentence under the quote's own
anchor wins if it holds at least half the quote's words: an edited sentence usually stays where
it was, and elsewhere there may be another sentence built from the same common words
("Det gis i utgangspunktet ingen ... kompensasjon" stands in both punkt-8b and reise).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from decision_tree.load import display_path
from decision_tree.problems import Problem

from .model import Document, Sentence
from .text import normalise, words
from .versions import Removal

SAME_ANCHOR_SHARE = 0.5
_GUIDELINE_LINK = re.compile(r"\]\((?:\.\./)*retningslinje\.md#([A-Za-z0-9_-]+)\)")
_BLOCKQUOTE = re.compile(r"^ {0,3}>( ?)")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


@dataclass(frozen=True)
class Quote:
    source: str
    line: int
    anchor: str
    text: str


def tree_quotes(trees: Iterable) -> list[Quote]:
    return [
        Quote(tree.source, citation.line, citation.anchor, citation.quote)
        for tree in trees
        for outcome in tree.outcomes.values()
        for citation in outcome.citations
    ]


def faq_quotes(path: Path) -> list[Quote]:
    source = display_path(path)
    quotes: list[Quote] = []
    block: list[tuple[int, str]] = []
    fenced = False
    for number, line in enumerate([*path.read_text(encoding="utf-8").splitlines(), ""], 1):
        if _FENCE.match(line):
            fenced = not fenced
        marker = None if fenced else _BLOCKQUOTE.match(line)
        if marker:
            block.append((number, line[marker.end():]))
        elif block:
            quotes += _blockquote(source, block)
            block = []
    return quotes


def _blockquote(source: str, lines: list[tuple[int, str]]) -> list[Quote]:
    """The «…» quotes of one blockquote, each with the guideline link nearest after it."""
    text = "\n".join(line for _, line in lines)
    starts = [0]
    for _, line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def line_at(offset: int) -> int:
        return lines[max(i for i, start in enumerate(starts[:-1]) if start <= offset)][0]

    links = [(m.start(), m.group(1)) for m in _GUIDELINE_LINK.finditer(text)]
    out = []
    for start, end in guillemets(text):
        after = [anchor for offset, anchor in links if offset > start]
        before = [anchor for offset, anchor in links if offset < start]
        anchor = after[0] if after else before[-1] if before else ""
        if anchor:
            out.append(Quote(source, line_at(start), anchor, normalise(text[start + 1 : end])))
    return out


def guillemets(text: str) -> list[tuple[int, int]]:
    """(offset of «, offset of its matching ») for each outermost «…»."""
    spans, depth, start = [], 0, 0
    for offset, char in enumerate(text):
        if char == "«":
            if depth == 0:
                start = offset
            depth += 1
        elif char == "»" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, offset))
    return spans


def _score(quote: list[str], sentence: str) -> tuple[float, float]:
    matcher = difflib.SequenceMatcher(None, quote, words(sentence), autojunk=False)
    held = sum(block.size for block in matcher.get_matching_blocks()) / (len(quote) or 1)
    return held, matcher.ratio()


def closest(text: str, document: Document, anchor: str = "") -> Sentence | None:
    quote = words(text)
    scored = [(_score(quote, s.text), s) for s in document.sentences()]
    scored = [(score, s) for score, s in scored if score[0] > 0]
    own = [(score, s) for score, s in scored if anchor and anchor in s.anchors and score[0] >= SAME_ANCHOR_SHARE]
    best = max(own or scored, key=lambda pair: pair[0], default=None)
    return best[1] if best else None


def check(quotes: Iterable[Quote], document: Document, version: str,
          removed: Mapping[str, Removal] | None = None) -> list[Problem]:
    anchors = set(document.anchors())
    problems = []
    for quote in quotes:
        text = normalise(quote.text)
        if quote.anchor in anchors and text in document.anchor_text(quote.anchor):
            continue
        if quote.anchor in anchors:
            message = f"sitatet står ikke lenger ordrett under «{quote.anchor}» i versjon {version}: «{text}»."
        elif removed and quote.anchor in removed:
            gone = removed[quote.anchor]
            message = (f"ankeret «{quote.anchor}» finnes ikke lenger: det ble fjernet i versjon {gone.removed_in} "
                       f"(sist med i versjon {gone.last}). Sitatet: «{text}».")
        else:
            message = f"ankeret «{quote.anchor}» finnes ikke i versjon {version}. Sitatet: «{text}»."
        elsewhere = [a for a in anchors if text in document.anchor_text(a)]
        nearest = closest(text, document, quote.anchor)
        if elsewhere:
            # The words are there, under another anchor: most likely the anchor is what is wrong.
            where = min(elsewhere, key=lambda a: len(document.anchor_text(a)))
            message += f" Det står ordrett under «{where}»: rett ankeret."
        elif nearest:
            message += f" Nærmeste setning nå ({nearest.anchors[0]}): «{nearest.text}»"
        else:
            message += f" Ingen setning i versjon {version} ligner."
        problems.append(Problem(quote.source, quote.line, message))
    return problems
