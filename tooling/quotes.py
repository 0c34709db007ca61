"""Where the project quotes the guideline: the citations of the trees' outcomes, and the
blockquotes of the Markdown pages. guideline.quotes.check says whether each still holds.

- `tree_quotes(trees) -> list[Quote]`: the citations of decision-tree outcomes.
- `page_quotes(path) -> list[Quote]`: quotes in a Markdown page, written as a blockquote whose
  lines hold «…» (over one or more `>` lines) and a link to `retningslinje.md#<anchor>`:

      > «Å jobbe hjemmefra er hverken en rettighet eller plikt for den ansatte.»
      > — [Retningslinjen, punkt 3](retningslinje.md#punkt-3)

  A quote belongs to the first such link after it in its blockquote, else the last one before
  it. A blockquote without such a link is not a quote of the guideline. «» inside a quote nest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from guideline.problems import display_path
from guideline.quotes import Quote, guillemets
from guideline.text import normalise

GUIDELINE_LINK = re.compile(r"\]\((?:\.\./)*retningslinje\.md#([A-Za-z0-9_-]+)\)")
_BLOCKQUOTE = re.compile(r"^ {0,3}>( ?)")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def tree_quotes(trees: Iterable) -> list[Quote]:
    return [
        Quote(tree.source, citation.line, citation.anchor, citation.quote)
        for tree in trees
        for outcome in tree.outcomes.values()
        for citation in outcome.citations
    ]


def page_quotes(path: Path) -> list[Quote]:
    return markdown_quotes(path.read_text(encoding="utf-8"), display_path(path))


def markdown_quotes(text: str, source: str) -> list[Quote]:
    """`page_quotes` of a page's Markdown as text; `source` names it in messages."""
    quotes: list[Quote] = []
    block: list[tuple[int, str]] = []
    fenced = False
    for number, line in enumerate([*text.splitlines(), ""], 1):
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

    links = [(m.start(), m.group(1)) for m in GUIDELINE_LINK.finditer(text)]
    out = []
    for start, end in guillemets(text):
        after = [anchor for offset, anchor in links if offset > start]
        before = [anchor for offset, anchor in links if offset < start]
        anchor = after[0] if after else before[-1] if before else ""
        if anchor:
            out.append(Quote(source, line_at(start), anchor, normalise(text[start + 1 : end])))
    return out
