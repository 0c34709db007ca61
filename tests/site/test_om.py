"""docs/om.md says exactly what the guideline page adds to and changes in the source text: every kind of
addition the page marks `data-added`, every word kilde/oppsett.toml makes a link, and each change of
form the parser makes (Punkt N headings, the letter list, bold list lines as headings, the header box)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guideline import layout
from tests.content import CONTENT, KILDE
from tests.site.page_text import article_text

# What om.md must say for each kind of addition (class of a `data-added` element on a guideline page).
# A new kind of addition fails the test until om.md describes it and it is added here.
ADDITIONS = {
    "hk-guideline-status": "Hva er endret, og tidligere versjoner",
    "hk-removed": "Punktet ble fjernet i versjon",
    "hk-upcoming": "Ny versjon fra",
    "hk-copy-link": "Kopier lenke",
    "hk-copy-link-messages": "Kopier lenke",  # the button's messages, once per page
}


def section(site: Path) -> str:
    """The text of om.md's section on what the guideline page adds and changes."""
    html = (site / "om" / "index.html").read_text(encoding="utf-8")
    start = html.index('id="hva-siden-endrer"')
    end = html.index("<h2", start)
    return article_text('<article class="md-content__inner md-typeset">' + html[start - 4:end] + "</article>")


def added_kinds(site: Path) -> set[str]:
    kinds = set()
    for page in [site / "retningslinje" / "index.html", *sorted((site / "retningslinje" / "versjon").glob("*/index.html"))]:
        for tag in re.findall(r"<[a-z]+\b[^>]*\bdata-added\b[^>]*>", page.read_text(encoding="utf-8")):
            classes = re.search(r'class="([^"]*)"', tag)
            kinds |= set(classes.group(1).split()) if classes else {"(uten klasse)"}
    return kinds


def test_om_does_not_say_only_headers_and_page_numbers_were_left_out(site_dir):
    text = section(site_dir)
    assert "Bare sidehoder" not in text
    assert "Sidehoder og sidetall" in text and "satt sammen igjen" in text  # the furniture, and the rejoined sentence


@pytest.mark.parametrize("which", ["site", "drill"])
def test_every_kind_of_addition_is_described(site_dir, drill, which):
    site = site_dir if which == "site" else drill.site  # the drill's page has a removed point's note
    text = section(site_dir)
    kinds = added_kinds(site)
    unknown = kinds - set(ADDITIONS)
    assert not unknown, f"retningslinjesiden legger til noe docs/om.md ikke beskriver (klasse {sorted(unknown)})"
    for kind in kinds:
        assert ADDITIONS[kind] in text, f"docs/om.md beskriver ikke «{ADDITIONS[kind]}»"
    if which == "drill":
        assert "hk-removed" in kinds  # the drill really has the note this test is about


def test_every_link_the_page_adds_is_named(site_dir):
    text = section(site_dir)
    for rule in layout.load(KILDE / layout.FILE_NAME).links:
        assert rule.phrase in text, f"docs/om.md nevner ikke at «{rule.phrase}» er en lenke (kilde/oppsett.toml:{rule.line})"


def test_every_change_of_form_is_named(site_dir):
    text = section(site_dir)
    document = CONTENT.newest.document
    headings = [b for b in document.blocks if b.kind == "heading"]
    if any(re.fullmatch(r"Punkt \d+", b.label) for b in headings):
        assert "Punkt 1" in text and "tallet er tatt bort" in text
    for block in headings:
        if re.match(r"\d+\. ", block.label):  # a titled point keeps its number in its heading
            assert block.label in text
    if any(b.list == "letters" for b in document.blocks):
        assert "liste uten kulepunkter" in text
    source = CONTENT.newest.path.read_text(encoding="utf-8")
    for bold in re.findall(r"^- \*\*(.+?):?\*\*\s*$", source, re.M):  # bold list lines become headings
        assert bold in text, f"docs/om.md nevner ikke at «{bold}» er en overskrift"
    assert "Dokumenthodet" in text and "Kopier lenke" in text and "#" in text
