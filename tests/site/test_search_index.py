"""The search index (search/sok.json, hooks/search_index.py) holds what a reader sees on each page,
one document per section, each named as the reader knows its page: not the widget's
build-rendered <template>s, hidden text or what a page marks data-search-exclude; not the tree
pages' diagram and table of all paths; and a section's title is its own heading, never run into
the headings after it (a tree outcome's «Svar: …Dette står i retningslinjenNeste steg»)."""

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


class _Headings(HTMLParser):
    """id -> the text of each heading with an id, its permalink ("#") left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings: dict[str, str] = {}
        self.current: str | None = None
        self.depth = 0
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.current is not None:
            self.skip += "headerlink" in (a.get("class") or "")
        elif re.fullmatch(r"h[1-6]", tag) and a.get("id"):
            self.current, self.depth = a["id"], 0
            self.headings[self.current] = ""

    def handle_endtag(self, tag):
        if self.current is not None and re.fullmatch(r"h[1-6]", tag):
            self.headings[self.current] = " ".join(self.headings[self.current].split())
            self.current = None
        elif self.current is not None and tag == "a" and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.current is not None and not self.skip:
            self.headings[self.current] += data


def _index(site: Path) -> list[dict]:
    return json.loads((site / "search" / "sok.json").read_text(encoding="utf-8"))["docs"]


def _plain(text: str) -> str:
    return normalise(unescape(re.sub(r"<[^>]+>", " ", text)))


def _pages_with_templates(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("index.html"))
            if re.search(r"<template|data-search-exclude", p.read_text(encoding="utf-8"))]


def _page(site: Path, location: str) -> str:
    return (site / location.split("#")[0] / "index.html").read_text(encoding="utf-8")


def _tree_pages(site: Path) -> list[str]:
    return sorted(f"beslutningstre/{p.parent.name}/" for p in (site / "beslutningstre").glob("*/index.html"))


@pytest.fixture(scope="module")
def index(site_dir):
    return _index(site_dir)


def test_tree_pages_have_templates_to_leave_out(site_dir, index):
    # Guards the tests below: they would pass vacuously if no indexed page had widget templates.
    pages = [p.parent.relative_to(site_dir).as_posix() for p in _pages_with_templates(site_dir)]
    assert "beslutningstre/yrkesskade" in pages
    assert any(d["location"].startswith("beslutningstre/yrkesskade/#") for d in index)


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
        indexed = " ".join(_plain(d["title"]) + " " + _plain(d["text"]) + " " + _plain(d["quote"]) for d in sections)
        # A run of template text that the page shows nowhere else must not be searchable on it.
        hidden = {t for t in found.texts if len(t) >= 8 and t not in visible}
        problems += [f"{location}: «{t}»" for t in sorted(hidden) if t in indexed]
    assert not problems, "Søkeindeksen har tekst fra widgetens maler:\n" + "\n".join(problems)


def test_every_title_is_its_own_heading_and_nothing_more(site_dir, index):
    # The old index ran a tree outcome's title into the id-less headings under it.
    wrong = []
    for doc in index:
        page, _, anchor = doc["location"].partition("#")
        if not anchor:
            continue
        headings = _Headings()
        headings.feed(_page(site_dir, doc["location"]))
        if normalise(doc["title"]) != normalise(headings.headings.get(anchor, "")):
            wrong.append(f"{doc['location']}: «{doc['title']}» ≠ «{headings.headings.get(anchor)}»")
    assert not wrong, "\n".join(wrong)
    assert any("/#tre-" in d["location"] and d["title"].startswith("Svar: ") for d in index)


def test_each_section_names_its_page_as_a_reader_knows_it(site_dir, index):
    trees = {}
    for page in _tree_pages(site_dir):
        headings = _Headings()
        headings.feed(_page(site_dir, page))
        trees[page] = headings.headings["beslutningstre"]
    expected = {"faq/": "Spørsmål og svar", "retningslinje/": "Retningslinjen", **trees}
    for doc in index:
        page, _, anchor = doc["location"].partition("#")
        if page in trees and not anchor:
            assert doc["source"] == "Beslutningstre", doc["location"]
        elif page in expected:
            assert doc["source"] == expected[page], doc["location"]
        else:
            assert doc["source"] and doc["kind"] == "page", doc["location"]
    assert {d["kind"] for d in index} >= {"faq", "guideline", "tree", "page"}


def test_tree_overview_furniture_is_not_indexed_but_every_outcome_is(site_dir, index):
    locations = {d["location"] for d in index}
    for page in _tree_pages(site_dir):
        html = _page(site_dir, page)
        for furniture in ("diagram", "alle-veier", "hele-treet"):
            assert f'id="{furniture}"' in html and f"{page}#{furniture}" not in locations
        outcomes = re.findall(r'<section class="hk-outcome" data-certainty="[^"]+" aria-labelledby="(tre-[^"]+)"', html)
        assert outcomes
        assert {f"{page}#{anchor}" for anchor in outcomes} <= locations


def test_quotes_are_kept_apart_from_an_answers_own_words(index):
    # The FAQ's quotes (blockquotes with their attribution) weigh less than its own answer.
    faq = [d for d in index if d["kind"] == "faq" and "#" in d["location"]]
    assert sum(1 for d in faq if d["quote"].startswith("«")) > len(faq) / 2
    for doc in faq:
        assert "— Retningslinjen" not in doc["text"], doc["location"]


def test_old_versions_and_materials_own_index_are_not_shipped(site_dir, index):
    assert not [d for d in index if d["location"].startswith("retningslinje/versjon/")]
    assert not (site_dir / "search" / "search_index.json").exists()
