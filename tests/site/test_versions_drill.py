"""A new guideline version, as HR adds it (the drill fixture in tests/conftest.py): the changes page, the
old version's page, and every published anchor still answering. What the check says to update, and that
HR's edits make everything pass again, is test_review_drill.py.

The expectations are read from the two versions' texts (the newest in kilde/ and the drill's), so they
hold whichever versions HR has added: nothing of one version is written out here.
"""

from __future__ import annotations

import re
from html import unescape

import pytest

from guideline import versions
from tests.built_page import parse
from tests.content import CONTENT
from tests.site.page_text import article_text
from tests.site.test_published_anchors import published, resolve


def html(site, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def vid(number: str) -> str:
    return "versjon-" + number.replace(".", "-")


@pytest.fixture(scope="module")
def loaded(drill):
    return versions.load(drill.project / "kilde")


@pytest.fixture(scope="module")
def changes(loaded):
    found = versions.changes(loaded[-2].document, loaded[-1].document)
    assert found, "the drill's version changes nothing in the newest version's text"
    return found


def test_the_changes_page_shows_exactly_the_changes(drill, changes):
    page = html(drill.site, "endringer")
    section = page[page.index(f'id="{vid(drill.version)}"'):page.index(f'id="{vid(drill.previous)}"')]
    listed = re.findall(rf'<h3 id="endring-{vid(drill.version)}-([^"]+)"', section)
    assert listed == [c.anchor for c in changes]
    deleted = [unescape(re.sub(r"<[^>]+>", "", d)).replace("[slettet: ", "").rstrip("]").strip()
               for d in re.findall(r"<del>(.*?)</del>", section, re.S)]
    inserted = [unescape(re.sub(r"<[^>]+>", "", i)).replace("[ny tekst: ", "").rstrip("]").strip()
                for i in re.findall(r"<ins>(.*?)</ins>", section, re.S)]
    joined_old, joined_new = " ".join(" ".join(deleted).split()), " ".join(" ".join(inserted).split())
    for change in changes:
        if change.kind == "removed":
            assert change.old in joined_old
        elif change.kind == "added":
            assert change.new in joined_new
        else:  # the words that went are struck, the words that came are underlined
            old, new = set(re.findall(r"\w+", change.old)), set(re.findall(r"\w+", change.new))
            assert old - new <= set(re.findall(r"\w+", joined_old)), (change, joined_old)
            assert new - old <= set(re.findall(r"\w+", joined_new)), (change, joined_new)
    # Every deleted and inserted run says so to a screen reader.
    assert section.count("<del>") == section.count("[slettet: ") and section.count("<ins>") == section.count("[ny tekst: ")
    # The list at the top links each change to where it is (a removed one to the version it was last in).
    for change in changes:
        target = (f"retningslinje/versjon/{drill.previous}/#{change.anchor}" if change.kind == "removed"
                  else f"retningslinje/#{change.anchor}")
        assert f'href="../{target}"' in section, target


def test_the_old_version_stays_readable_with_a_banner_to_the_current(drill, loaded, changes):
    old = html(drill.site, f"retningslinje/versjon/{drill.previous}")
    text = article_text(old)
    assert "Eldre versjon" in text and f"Dette er versjon {drill.previous}" in text
    assert f"Gjeldende versjon er {drill.version}" in text
    assert 'href="../../"' in old  # "les gjeldende versjon"
    # Its words are its own, where the new version changed them.
    shown = parse(old).anchors
    for change in changes:
        if change.kind == "changed":
            assert shown[change.anchor] == loaded[-2].document.anchor_text(change.anchor)
            assert shown[change.anchor] != loaded[-1].document.anchor_text(change.anchor)
    current = article_text(html(drill.site, f"retningslinje/versjon/{drill.version}"))
    assert "Gjeldende versjon" in current and "Eldre versjon" not in current
    index = (drill.site / "search" / "sok.json").read_text(encoding="utf-8")
    assert "retningslinje/versjon/" not in index, "old versions must not answer searches"


def test_every_published_anchor_still_resolves_and_a_removed_one_is_a_note(drill, loaded):
    for page, anchor in published():
        document = resolve(drill.site, page)
        assert re.search(rf'\sid="{re.escape(anchor)}"', document), f"{page}#{anchor}"
    gone = versions.removed(loaded)
    assert gone, "the drill's version removes a paragraph, as the fixture does"
    note = html(drill.site, "retningslinje")
    for anchor, removal in gone.items():
        element = re.search(rf'<p class="hk-removed" data-added id="{re.escape(anchor)}">(.*?)</p>', note, re.S)
        assert element, f"the removed paragraph's anchor {anchor} is a visible note"
        words = unescape(re.sub(r"<[^>]+>", "", element.group(1)))
        assert f"Punktet ble fjernet i versjon {removal.removed_in}" in words
        assert f"Se teksten i versjon {removal.last}" in words
        assert f'href="versjon/{removal.last}/#{anchor}"' in element.group(1)


def test_new_points_have_their_anchors_and_the_trees_name_the_new_version(drill, loaded, changes):
    page = html(drill.site, "retningslinje")
    for change in changes:
        if change.kind == "added":
            assert f'id="{change.anchor}"' in page and change.new in article_text(page)
    meta = loaded[-1].document.meta
    for slug in CONTENT.trees:
        tree = article_text(html(drill.site, f"beslutningstre/{slug}"))
        assert f"versjon {meta.version}, gjelder fra {meta.valid_from}. Godkjent av: {meta.approved_by}." in tree


@pytest.mark.parametrize("page", ["retningslinje", "endringer"])
def test_the_real_site_shows_the_version_in_force_and_lists_every_version(site_dir, page):
    text = article_text(html(site_dir, page))
    shown = CONTENT.timeline.shown.document.meta
    if page == "retningslinje":
        assert f"Versjon: {shown.version}" in text and f"Gjelder fra: {shown.valid_from}" in text
    else:
        for version in CONTENT.versions:
            assert f"Versjon {version.number}" in text
        assert "Dette er den første versjonen" in text  # said of the oldest
