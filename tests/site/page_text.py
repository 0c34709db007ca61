"""Readable text of a built page's article, as a reader (or a screen reader) gets it."""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCK = {"p", "li", "dt", "dd", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "br", "ul", "ol",
          "dl", "section", "article", "details", "summary", "blockquote", "pre", "table"}
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class _ArticleText(HTMLParser):
    def __init__(self, skip_tags: frozenset[str], skip_added: bool):
        super().__init__(convert_charrefs=True)
        self.skip_tags = skip_tags
        self.skip_added = skip_added
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.in_article = 0
        self.parts: list[str] = []

    def _skipping(self) -> bool:
        return any(skipped for _, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "article" and "md-content__inner" in classes:
            self.in_article += 1
        if tag in _VOID:
            if tag == "br":
                self.parts.append(" ")
            return
        skip = (tag in ("script", "style", "template") or "headerlink" in classes or tag in self.skip_tags
                or ("data-added" in a and self.skip_added))
        self.stack.append((tag, skip))
        if tag in _BLOCK:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break
        if tag in _BLOCK:
            self.parts.append(" ")
        if tag == "article" and self.in_article:
            self.in_article -= 1

    def handle_data(self, data):
        if self.in_article and not self._skipping():
            self.parts.append(data)


def article_text(html: str, skip_tags: frozenset[str] = frozenset(), skip_added: bool = False) -> str:
    """The article's words. `skip_added` leaves out what a generated page marks as its own addition
    (`data-added`: notes, links to other pages), so the rest can be compared with a source text."""
    parser = _ArticleText(skip_tags, skip_added)
    parser.feed(html)
    return " ".join("".join(parser.parts).split())
