"""The built guideline page as a reader gets it, read with html.parser: anchor id -> text.

An independent reading of what the build rendered, for the tests: quotes must stand on the page
itself, not only in the parsed source (guideline/). What the page marks as its own addition
(`data-added`: notes, links to other pages) is not the guideline's text and is left out.

For an element with an id, its text is the element's own text; for a heading
(h1-h6) it is the whole section: the heading and everything after it up to the
next heading of the same or a higher rank. That is what "the paragraph this
anchor points at" means on the page: `#punkt-2` is a heading, `#punkt-8b` a
paragraph. Only the article is read (not navigation, search or footer), and
permalink marks (`a.headerlink`) are left out. Text is normalised: every run of
whitespace becomes one space.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from guideline.text import normalise  # one meaning of "the same words"

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_INLINE = {"a", "abbr", "b", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub",
           "sup", "u"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


@dataclass(frozen=True)
class GuidelineText:
    anchors: dict[str, str]  # id -> normalised text of what it marks
    text: str  # the whole article, normalised


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.stack: list[tuple[str, str | None, int, bool]] = []  # tag, id, start offset, skipped
        self.spans: dict[str, tuple[int, int]] = {}
        self.headings: list[tuple[int, str | None, int]] = []  # rank, id, start offset
        self.depth_in_article = 0
        self.skip = 0

    def _emit(self, text: str) -> None:
        if self.depth_in_article and not self.skip:
            self.parts.append(text)
            self.length += len(text)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if not self.depth_in_article:
            if tag == "article" and "md-content__inner" in classes:
                self.depth_in_article = 1
                self.stack.append((tag, None, self.length, False))
            return
        if tag in _VOID:
            self._emit(" ")
            return
        self.depth_in_article += 1
        skipped = "headerlink" in classes or tag in ("script", "style", "template") or "data-added" in attributes
        if skipped:
            self.skip += 1
        if tag not in _INLINE:
            self._emit(" ")  # block boundaries separate words; normalise() folds repeats
        element_id = attributes.get("id")
        if tag in _HEADINGS:
            self.headings.append((_HEADINGS[tag], element_id, self.length))
        self.stack.append((tag, element_id, self.length, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.depth_in_article:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not self.depth_in_article or tag in _VOID:
            return
        # Close up to the matching tag, forgiving unclosed inner elements.
        if not any(open_tag == tag for open_tag, *_ in self.stack):
            return
        while self.stack:
            open_tag, element_id, start, skipped = self.stack.pop()
            self.depth_in_article -= 1
            if skipped:
                self.skip -= 1
            if element_id and open_tag not in _HEADINGS:
                self.spans.setdefault(element_id, (start, self.length))
            if open_tag == tag:
                break
        if tag not in _INLINE:
            self._emit(" ")

    def handle_data(self, data):
        self._emit(data)


def parse(html: str) -> GuidelineText:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    spans = dict(parser.spans)
    # A heading's section runs to the next heading of the same or higher rank.
    for index, (rank, element_id, start) in enumerate(parser.headings):
        if not element_id:
            continue
        end = len(raw)
        for later_rank, _, later_start in parser.headings[index + 1 :]:
            if later_rank <= rank:
                end = later_start
                break
        spans.setdefault(element_id, (start, end))
    anchors = {key: normalise(raw[start:end]) for key, (start, end) in spans.items()}
    return GuidelineText(anchors=anchors, text=normalise(raw))
