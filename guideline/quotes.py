"""Quotes of the guideline in the trees and the FAQ, and the check that they still hold.

- `Quote(source, line, anchor, text)`: words someone copied from the guideline, and the anchor
  they were copied from.
  The project's tooling finds them (tooling/quotes.py: tree citations and page blockquotes).
- `check(quotes, versions) -> list[Problem]`: one Norwegian `file:line` problem per quote that is
  not word for word (whitespace normalised) under its anchor in the newest version. For each of
  the quote's sentences that is gone it says what became of it: the new sentence under the anchor
  that replaced it, or that it was removed, and in which version (the versions before the newest
  tell which text the quote was copied from). A missing anchor says when it went away.
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Document, Sentence
from .problems import Problem
from .text import normalise, sentences, words
from .versions import Version, removed

SAME_ANCHOR_SHARE = 0.5


@dataclass(frozen=True)
class Quote:
    source: str
    line: int
    anchor: str
    text: str


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


def check(quotes: Iterable[Quote], versions: Sequence[Version]) -> list[Problem]:
    """Every quote that does not stand word for word under its anchor in the newest version, with
    what became of it: for each of its sentences that is gone, the sentence that replaced it (a new
    one under the same anchor) or that it was removed, and in which version."""
    newest = versions[-1]
    document = newest.document
    anchors = set(document.anchors())
    gone = removed(list(versions))
    problems = []
    for quote in quotes:
        text = normalise(quote.text)
        if quote.anchor in anchors and text in document.anchor_text(quote.anchor):
            continue
        if quote.anchor in anchors:
            message = f"sitatet står ikke lenger ordrett under «{quote.anchor}» i versjon {newest.number}."
        elif quote.anchor in gone:
            removal = gone[quote.anchor]
            message = (f"ankeret «{quote.anchor}» finnes ikke lenger: det ble fjernet i versjon {removal.removed_in} "
                       f"(sist med i versjon {removal.last}).")
        else:
            message = f"ankeret «{quote.anchor}» finnes ikke i versjon {newest.number}. Sitatet: «{text}»."
        elsewhere = [a for a in anchors if text in document.anchor_text(a)]
        if elsewhere:
            # The words are there, under another anchor: most likely the anchor is what is wrong.
            where = min(elsewhere, key=lambda a: len(document.anchor_text(a)))
            message += f" Det står ordrett under «{where}»: rett ankeret. Sitatet: «{text}»."
        else:
            message += " " + _fate(text, quote.anchor, versions)
        problems.append(Problem(quote.source, quote.line, message))
    return problems


def _fate(text: str, anchor: str, versions: Sequence[Version]) -> str:
    """What became of a quote's sentences that no longer stand under its anchor (Norwegian)."""
    newest = versions[-1]
    held = next((v for v in reversed(versions) if anchor in v.document.anchors()
                 and text in v.document.anchor_text(anchor)), None)
    if held is None:  # never word for word in any version: a copying mistake, not a change
        nearest = closest(text, newest.document, anchor)
        if nearest is None:
            return f"Sitatet: «{text}». Ingen setning i versjon {newest.number} ligner."
        return f"Sitatet: «{text}». Nærmeste setning nå ({nearest.anchors[0]}): «{nearest.text}»"
    now = newest.document.anchor_text(anchor) if anchor in newest.document.anchors() else ""
    before = set(_under(held.document, anchor))
    # Only sentences new under the anchor since the quote held can have replaced one of it.
    fresh = [s for s in _under(newest.document, anchor) if s not in before]
    told = []
    for sentence in sentences(text):
        if sentence in now:
            continue
        replacement = max(fresh, key=lambda s: _score(words(sentence), s), default=None)
        if replacement is not None and _score(words(sentence), replacement)[0] >= SAME_ANCHOR_SHARE:
            told.append(f"Setningen «{sentence}» er endret; nå står det: «{replacement}»")
        else:
            told.append(f"Setningen «{sentence}» er fjernet i versjon {_removed_in(sentence, anchor, held, versions)} "
                        f"(sist med i versjon {held.number}).")
    return " ".join(told) or f"Sitatet: «{text}»."


def _under(document: Document, anchor: str) -> list[str]:
    """The sentences of the blocks an anchor marks (headings are labels, not sentences)."""
    return [s.text for s in document.sentences() if anchor in s.anchors]


def _removed_in(sentence: str, anchor: str, held: Version, versions: Sequence[Version]) -> str:
    later = list(versions)[list(versions).index(held) + 1:]
    return next((v.number for v in later if anchor not in v.document.anchors()
                 or sentence not in v.document.anchor_text(anchor)), versions[-1].number)
