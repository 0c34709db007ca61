"""The front page leads to answers (the trees, the guideline, the FAQ, then the guideline's status), and the
guideline's status is what its header in kilde/ says, never more (the version, its date, who approved it):
no page calls it adopted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guideline import versions
from tests.content import CONTENT, PROJECT, TREES
from tests.site.page_text import article_text

DOCS = PROJECT.docs
STATUS_PAGES = ("index", "om")


def newest_meta():
    """The header the status shows: the version in force (the newest, unless it is dated ahead)."""
    return CONTENT.timeline.shown.document.meta


def built(site: Path, page: str) -> str:
    return (site / ("" if page == "index" else page) / "index.html").read_text(encoding="utf-8")


def status(html: str) -> dict[str, str]:
    box = re.search(r'<div class="hk-doc-info hk-status">(.*?)</dl>', html, re.S)
    assert box, "siden mangler retningslinjens status"
    return {dt: dd for dt, dd in re.findall(r"<dt>([^<]+)</dt>\s*<dd>([^<]*)</dd>", box.group(1))}


@pytest.mark.parametrize("page", STATUS_PAGES)
def test_status_is_the_newest_versions_header(site_dir, page):
    meta = newest_meta()
    assert status(built(site_dir, page)) == {
        "Versjon": meta.version, "Gjelder fra": meta.valid_from, "Godkjent av": meta.approved_by}


@pytest.mark.parametrize("page", STATUS_PAGES)
def test_status_follows_a_new_version_in_kilde(drill, page):
    # The drill's scratch project has a new version in kilde/, in force: the status says so with no edit to docs/.
    meta = versions.load(drill.project / "kilde")[-1].document.meta
    assert meta.version == drill.version
    assert status(built(drill.site, page)) == {
        "Versjon": meta.version, "Gjelder fra": meta.valid_from, "Godkjent av": meta.approved_by}


def test_no_page_writes_the_status_by_hand_or_calls_the_guideline_adopted():
    meta = newest_meta()
    for path in sorted(DOCS.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            where = f"{path.relative_to(PROJECT.root)}:{number}"
            assert not re.search(r"\bvedtatt\b", line, re.I), f"{where}: retningslinjen er ikke vedtatt (se status)"
            for value in (meta.version, meta.valid_from, meta.approved_by):
                assert value not in line, (
                    f"{where}: «{value}» er skrevet for hånd; bruk <!-- retningslinje:status --> (lest fra kilde/)")


def test_front_page_order_trees_guideline_faq_status(site_dir):
    html = built(site_dir, "index")
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1]
    trees = [article.index(f'href="beslutningstre/{slug}/"') for slug in TREES]
    guideline = article.index('href="retningslinje/"')
    faq = article.index('href="faq/"')
    state = article.index('class="hk-doc-info hk-status"')
    assert max(trees) < guideline < faq < state


def test_front_page_lists_every_tree_as_its_question_from_the_tree_files(site_dir):
    text = article_text(built(site_dir, "index"))
    source = (DOCS / "index.md").read_text(encoding="utf-8")
    assert "<!-- beslutningstre:liste -->" in source
    for tree in TREES.values():
        assert tree.title in text
        # Rendered from the tree, not copied into the page: a renamed tree renames its entry.
        assert tree.title not in source, f"docs/index.md skriver «{tree.title}» for hånd"
