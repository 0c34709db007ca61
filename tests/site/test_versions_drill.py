"""A new guideline version, as HR adds it (the drill fixture in tests/conftest.py): the changes page, the
old version's page, and every published anchor still answering. What the check says to update, and that
HR's edits make everything pass again, is test_review_drill.py.

The fixture version is 0.01 with exactly the edits in tests/guideline/edits.py; the expectations
below are read from those edits and from the tree files, not written out again.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from tests.guideline.edits import EDITS, POINT_11
from tests.site.page_text import article_text
from tests.site.test_published_anchors import published, resolve

TREES = Path(__file__).resolve().parents[2] / "content" / "trees"
FAQ = "docs/faq.md"


def html(drill, page: str) -> str:
    return (drill.site / page / "index.html").read_text(encoding="utf-8")


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_changes_page_shows_exactly_the_edits(drill):
    page = html(drill, "endringer")
    section = page[page.index('id="versjon-0-02"'):page.index('id="versjon-0-01"')]
    listed = re.findall(r'<h3 id="endring-versjon-0-02-([^"]+)"', section)
    assert listed == [e.anchor for e in EDITS]
    deleted = [unescape(re.sub(r"<[^>]+>", "", d)).replace("[slettet: ", "").rstrip("]").strip()
               for d in re.findall(r"<del>(.*?)</del>", section)]
    inserted = [unescape(re.sub(r"<[^>]+>", "", i)).replace("[ny tekst: ", "").rstrip("]").strip()
                for i in re.findall(r"<ins>(.*?)</ins>", section)]
    joined_old, joined_new = " ".join(deleted), " ".join(inserted)
    for edit in EDITS:
        if edit.kind == "removed":
            assert " ".join(edit.old.split()) in joined_old
        elif edit.kind == "added":
            assert POINT_11 in joined_new
        else:  # the words that went are struck, the words that came are underlined
            old, new = set(edit.old.rstrip(".").split()), set(edit.new.rstrip(".").split())
            assert old - new <= set(joined_old.split()), (edit, joined_old)
            assert new - old <= set(joined_new.split()), (edit, joined_new)
    # Every deleted and inserted run says so to a screen reader.
    assert section.count("<del>") == section.count("[slettet: ") and section.count("<ins>") == section.count("[ny tekst: ")
    # The list at the top links each change to where it is (the removed one to the old version).
    for edit in EDITS:
        target = f"retningslinje/versjon/0.01/#{edit.anchor}" if edit.kind == "removed" else f"retningslinje/#{edit.anchor}"
        assert f'href="../{target}"' in section, target


def test_the_old_version_stays_readable_with_a_banner_to_the_current(drill):
    old = html(drill, "retningslinje/versjon/0.01")
    text = article_text(old)
    assert "Eldre versjon" in text and "Dette er versjon 0.01" in text and "Gjeldende versjon er 0.02" in text
    assert 'href="../../"' in old  # "les gjeldende versjon"
    assert "Noen få dagers hjemmearbeid" in text and "Inntil tre dagers" not in text
    current = html(drill, "retningslinje/versjon/0.02")
    assert "Gjeldende versjon" in article_text(current) and "Eldre versjon" not in article_text(current)
    index = (drill.site / "search" / "sok.json").read_text(encoding="utf-8")
    assert "retningslinje/versjon/" not in index, "old versions must not answer searches"


def test_every_published_anchor_still_resolves_including_the_removed_point(drill):
    for page, anchor in published():
        document = resolve(drill.site, page)
        assert re.search(rf'\sid="{re.escape(anchor)}"', document), f"{page}#{anchor}"
    note = html(drill, "retningslinje")
    element = re.search(r'<p class="hk-removed" data-added id="punkt-10-unntak">(.*?)</p>', note, re.S)
    assert element, "the removed paragraph's anchor is a visible note"
    words = unescape(re.sub(r"<[^>]+>", "", element.group(1)))
    assert "Punktet ble fjernet i versjon 0.02" in words and "Se teksten i versjon 0.01" in words
    assert 'href="versjon/0.01/#punkt-10-unntak"' in element.group(1)


def test_the_new_point_has_its_anchor_and_the_trees_know_the_new_version(drill):
    page = html(drill, "retningslinje")
    assert 'id="punkt-11"' in page and POINT_11 in article_text(page)
    runtime = (drill.site / "assets" / "javascripts" / "tree-runtime.js").read_text(encoding="utf-8")
    data = re.search(r'dataURL: new URL\("\.\./([^"]+)"', runtime).group(1)
    assert '"version":"0.02"' in (drill.site / "assets" / data).read_text(encoding="utf-8")


@pytest.mark.parametrize("page", ["retningslinje", "endringer"])
def test_the_real_site_is_version_0_01_and_says_it_is_the_first(site_dir, page):
    text = article_text((site_dir / page / "index.html").read_text(encoding="utf-8"))
    if page == "endringer":
        assert "Versjon 0.01" in text and "Dette er den første versjonen" in text
    else:
        assert "Versjon: 0.01" in text and "Gjelder fra: 19.02.2026" in text
