"""A version dated ahead (the `upcoming` scratch site in tests/conftest.py, built the day before the newest
version takes effect and on that day): the site never calls it in force before its date, never calls the
version before it «gjaldt» before then, and the trees and the FAQ say plainly that they already rest on it.
Numbers, dates and texts are read from the versions in the scratch kilde/."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from tests.site.page_text import article_text
from tests.site.test_front_page import status
from tests.site.test_om import ADDITIONS, added_kinds, section
from tests.content import CONTENT, TREES

ANSWER_PAGES = ["faq", *(f"beslutningstre/{slug}" for slug in TREES)]


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def text(site: Path, page: str) -> str:
    return article_text(html(site, page))


def vid(number: str) -> str:
    return "versjon-" + number.replace(".", "-")


@pytest.fixture(scope="module")
def v(upcoming):
    """The first version's header, the one in force the day before the newest's, and the newest's."""
    first, previous, newest = upcoming.versions[0], upcoming.versions[-2], upcoming.versions[-1]
    return first.document.meta, previous.document.meta, newest.document.meta


@pytest.fixture(scope="module")
def second(upcoming):
    """The header of the version after the first (the one that ended the first's time)."""
    return upcoming.versions[1].document.meta


def test_the_day_before_the_guideline_page_shows_the_version_in_force_and_announces_the_next(upcoming, v):
    _, p, n = v
    page = text(upcoming.before, "retningslinje")
    assert f"Versjon: {p.version}" in page and f"Gjelder fra: {p.valid_from}" in page
    assert f"Versjon: {n.version}" not in page
    assert (f"Ny versjon fra {n.valid_from} Versjon {n.version} av retningslinjen gjelder fra {n.valid_from}. "
            f"Til da gjelder versjon {p.version}, som står her.") in page
    source = html(upcoming.before, "retningslinje")
    assert f'href="versjon/{n.version}/"' in source and f'href="../endringer/#{vid(n.version)}"' in source
    # The words are the version in force's: a block only the newest has is not there (the page's own notes,
    # such as where a removed paragraph stood, are left out: they may name it).
    shown = " | ".join(b.text for b in upcoming.versions[-2].document.blocks)
    only_newest = [b.text for b in upcoming.versions[-1].document.blocks if b.text and b.text not in shown]
    words = article_text(html(upcoming.before, "retningslinje"), skip_added=True)
    assert only_newest and not any(t in words for t in only_newest)


def test_the_day_before_each_version_page_says_what_applies(upcoming, v, second):
    f, p, n = v
    newest = text(upcoming.before, f"retningslinje/versjon/{n.version}")
    assert (f"Kommende versjon, gjelder fra {n.valid_from} Dette er versjon {n.version} av retningslinjen. "
            f"Den gjelder fra {n.valid_from}; til da gjelder versjon {p.version}") in newest
    previous = text(upcoming.before, f"retningslinje/versjon/{p.version}")
    assert "Gjeldende versjon" in previous and "Eldre versjon" not in previous and "gjaldt" not in previous
    first = text(upcoming.before, f"retningslinje/versjon/{f.version}")
    assert (f"Den gjaldt fra {f.valid_from} til {second.valid_from}, da versjon {second.version} begynte å gjelde."
            in first)
    assert f"Gjeldende versjon er {p.version}" in first


def test_the_day_before_the_changes_page_and_the_status_follow_the_same_rule(upcoming, v, second):
    f, p, n = v
    changes = text(upcoming.before, "endringer")
    assert f"Gjeldende versjon er {p.version}, som gjelder fra {p.valid_from}." in changes
    assert f"Gjelder fra {n.valid_from} (kommende versjon; til da gjelder versjon {p.version})." in changes
    assert changes.count("(gjeldende versjon)") == 1
    assert f"Versjon {p.version} Gjelder fra {p.valid_from}. Godkjent av: {p.approved_by}. Les versjon {p.version} (gjeldende versjon)." in changes
    everything = changes[changes.index("Alle versjoner"):]
    assert f"Versjon {n.version}, gjelder fra {n.valid_from} (kommende versjon; til da gjelder versjon {p.version})" in everything
    assert f"Versjon {p.version}, gjelder fra {p.valid_from} (gjeldende)" in everything
    assert f"Versjon {f.version}, gjaldt fra {f.valid_from} til {second.valid_from}" in everything
    assert f"Versjon {p.version}, gjaldt" not in changes
    for page in ("", "om"):  # the front page and om.md
        assert status(html(upcoming.before, page)) == {
            "Versjon": p.version, "Gjelder fra": p.valid_from, "Godkjent av": p.approved_by}
        assert (f"Ny versjon fra {n.valid_from}: versjon {n.version} gjelder fra {n.valid_from}. "
                f"Til da gjelder versjon {p.version}.") in text(upcoming.before, page)


@pytest.mark.parametrize("page", ANSWER_PAGES)
def test_the_day_before_trees_and_faq_say_they_rest_on_the_coming_version_and_link_to_it(upcoming, v, page):
    _, p, n = v
    words = text(upcoming.before, page)
    notice = (f"Svarene bygger på versjon {n.version} av retningslinjen, som gjelder fra {n.valid_from}. "
              f"Til da gjelder versjon {p.version}.")
    assert notice in words
    h1 = words.index(notice)
    assert words.count("Ny versjon av retningslinjen") == 1 and h1 < 200, "the notice stands at the top"
    source = html(upcoming.before, page)
    up = "../" * page.count("/") + "../"
    links = re.findall(r'href="([^"]*retningslinje/[^"]*#[^"]*)"', source)
    assert links, page
    assert all(link.startswith(f"{up}retningslinje/versjon/{n.version}/#") for link in links), links
    if page != "faq":
        assert f"versjon {n.version}, gjelder fra {n.valid_from}. Godkjent av: {n.approved_by}." in words


def test_on_the_date_the_new_version_is_current_everywhere(upcoming, v):
    _, p, n = v
    page = text(upcoming.on, "retningslinje")
    assert f"Versjon: {n.version}" in page and "Ny versjon fra" not in page
    previous = text(upcoming.on, f"retningslinje/versjon/{p.version}")
    assert "Eldre versjon" in previous
    assert f"Den gjaldt fra {p.valid_from} til {n.valid_from}, da versjon {n.version} begynte å gjelde." in previous
    assert f"Gjeldende versjon er {n.version}, som gjelder fra {n.valid_from}." in text(upcoming.on, "endringer")
    assert status(html(upcoming.on, ""))["Versjon"] == n.version
    for answers in ANSWER_PAGES:
        assert "Svarene bygger på versjon" not in text(upcoming.on, answers)
        links = re.findall(r'href="([^"]*retningslinje/[^"]*#[^"]*)"', html(upcoming.on, answers))
        assert links and not any("/versjon/" in link for link in links), answers


def test_om_describes_the_notice_on_the_guideline_page(upcoming, site_dir):
    kinds = added_kinds(upcoming.before)
    assert "hk-upcoming" in kinds and kinds <= set(ADDITIONS)
    assert ADDITIONS["hk-upcoming"] in section(site_dir)


@pytest.mark.parametrize("slug", list(TREES))
def test_tree_pages_name_the_version_its_date_and_who_approved_it(site_dir, slug):
    meta = CONTENT.newest.document.meta
    page = html(site_dir, f"beslutningstre/{slug}")
    footer = f"versjon {meta.version}, gjelder fra {meta.valid_from}. Godkjent av: {meta.approved_by}."
    assert footer in article_text(page)
    # Each outcome's receipt (the widget's copy of receipt.txt) says it too.
    receipts = re.findall(r"Retningslinjens versjon [^\n]*\n(Godkjent av: [^\n]*)\n", unescape(page))
    assert receipts and set(receipts) == {f"Godkjent av: {meta.approved_by}"}


# --- the changes page keeps the text's form (issue 16, item 5) ------------------------------------


def marked(fragment: str, tag: str) -> list[str]:
    return [unescape(re.sub(r"<[^>]+>", "", m)) for m in re.findall(rf"<{tag}>(.*?)</{tag}>", fragment, re.S)]


@pytest.fixture(scope="module")
def newest_entry(upcoming):
    page = html(upcoming.before, "endringer")
    n, p = upcoming.versions[-1].number, upcoming.versions[-2].number
    return page[page.index(f'id="{vid(n)}"'):page.index(f'id="{vid(p)}"')]


def test_the_changes_page_lists_the_header_fields_that_changed(upcoming, newest_entry):
    before = dict(upcoming.versions[-2].document.meta.fields)
    changed = [(label, value) for label, value in upcoming.versions[-1].document.meta.fields
               if label != "Versjon:" and before[label] != value]
    assert changed
    fields = re.search(r'<ul class="hk-diff hk-diff__fields">(.*?)</ul>', newest_entry, re.S).group(1)
    items = [unescape(re.sub(r"<[^>]+>", "", li)) for li in re.findall(r"<li>(.*?)</li>", fields, re.S)]
    assert items == [f"{label} [slettet: {before[label]}] [ny tekst: {value}]" for label, value in changed]


def test_the_changes_page_shows_items_as_items_and_headings_as_headings(upcoming, newest_entry):
    previous, newest = upcoming.versions[-2].document, upcoming.versions[-1].document
    before = {b.text for b in previous.blocks}
    items = [b.text for b in newest.blocks if b.kind == "item" and b.text not in before]
    headings = [b.text for b in newest.blocks if b.kind == "heading" and b.text and b.text not in before]
    assert items and headings
    lis = [re.sub(r"\s+", " ", t) for t in marked(newest_entry, "li")]
    for item in items:
        assert f"[ny tekst: {item}]" in lis
    assert [f"[ny tekst: {h}]" for h in headings] == [t for t in marked(newest_entry, "h4") if t.startswith("[ny")]
    # No paragraph holds the words of two list items run together.
    for paragraph in marked(newest_entry, "p"):
        assert sum(b.text in paragraph for b in newest.blocks if b.kind == "item") <= 1, paragraph
    # Every inserted or deleted run still says so to a screen reader.
    assert newest_entry.count("<del>") == newest_entry.count("[slettet: ")
    assert newest_entry.count("<ins>") == newest_entry.count("[ny tekst: ")
