"""The search index holds what a reader sees on each page, not the widget's build-rendered
<template>s or what a page marks data-search-exclude (the "Kopier lenke" buttons): a search for
«Dine svar» or «Noe gikk galt» must not lead to a tree page's furniture, and a result must not
point at an id that exists only inside a template."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from guideline.text import normalise

from .page_text import article_text


class _Excluded(HTMLParser):
    """Text runs and ids inside <template>s and elements marked data-search-exclude, and the ids
    outside them."""

    _VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, excluded)
        self.texts: list[str] = []
        self.ids_inside: set[str] = set()
        self.ids_outside: set[str] = set()

    def _inside(self) -> bool:
        return any(excluded for _, excluded in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        excluded = tag == "template" or "data-search-exclude" in a
        if a.get("id"):
            (self.ids_inside if self._inside() or excluded else self.ids_outside).add(a["id"])
        if tag not in self._VOID:
            self.stack.append((tag, excluded))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self._inside() and data.strip():
            self.texts.append(normalise(data))


def _index(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def _plain(html: str) -> str:
    return normalise(unescape(re.sub(r"<[^>]+>", " ", html)))


def _pages_with_templates(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("index.html"))
            if re.search(r"<template|data-search-exclude", p.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def index(site_dir):
    return _index(site_dir)


def test_tree_pages_have_templates_to_leave_out(site_dir, index):
    # Guards the tests below: they would pass vacuously if no indexed page had widget templates.
    pages = [p.parent.relative_to(site_dir).as_posix() for p in _pages_with_templates(site_dir)]
    assert "beslutningstre/yrkesskade" in pages
    assert any(d["location"].startswith("beslutningstre/yrkesskade/") for d in index)


@pytest.mark.parametrize("kind", ["text", "ids"])
def test_template_content_is_not_indexed(site_dir, index, kind):
    problems = []
    for path in _pages_with_templates(site_dir):
        html = path.read_text(encoding="utf-8")
        location = path.parent.relative_to(site_dir).as_posix() + "/"
        sections = [d for d in index if d["location"].split("#")[0] == location]
        if not sections:  # a page left out of search (an old version's page) has nothing to leak
            continue
        found = _Excluded()
        found.feed(html)
        if kind == "ids":
            only_inside = found.ids_inside - found.ids_outside
            problems += [d["location"] for d in sections if d["location"].partition("#")[2] in only_inside]
            continue
        visible = article_text(html)
        indexed = " ".join(_plain(d["title"]) + " " + _plain(d["text"]) for d in sections)
        # A run of template text that the page shows nowhere else must not be searchable on it.
        hidden = {t for t in found.texts if len(t) >= 8 and t not in visible}
        problems += [f"{location}: «{t}»" for t in sorted(hidden) if t in indexed]
    assert not problems, "Søkeindeksen har tekst fra widgetens maler:\n" + "\n".join(problems)
