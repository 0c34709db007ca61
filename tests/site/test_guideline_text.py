"""Content fidelity: the built guideline page carries every sentence of the source, in order, and nothing else."""

from __future__ import annotations

import re

import pytest

from tests.site import guideline_source as source
from tests.site.page_text import HEADINGS, article_text


@pytest.fixture(scope="module")
def guideline_html(site_dir):
    return (site_dir / "retningslinje" / "index.html").read_text(encoding="utf-8")


def test_source_is_there():
    assert source.SOURCE.exists(), f"Finner ikke kilden {source.SOURCE}"
    assert len(source.paragraphs()) > 40


def test_every_source_paragraph_appears_verbatim_and_in_order(guideline_html):
    text = article_text(guideline_html)
    paragraphs = source.paragraphs()
    body = paragraphs.index("Generelle bestemmelser")
    position, missing = 0, []
    # The first page's header (title and metadata) is laid out as a box: present, in any order.
    missing += [f"{p!r}" for p in paragraphs[:body] if p not in text]
    for paragraph in paragraphs[body:]:
        found = text.find(paragraph, position)
        if found < 0:
            gone = [s for s in source.sentences(paragraph) if s not in text] or ["(rekkefølgen er endret)"]
            missing.append(f"{paragraph[:70]!r}: {gone}")
        else:
            position = found + len(paragraph)
    assert not missing, "Avsnitt som mangler eller er endret på retningslinjesiden:\n" + "\n".join(missing)


def test_guideline_adds_nothing_beyond_headings_and_labels(guideline_html):
    # Headings and metadata labels (dt) may be added; all other text must come from the source.
    rest = article_text(guideline_html, skip_tags=HEADINGS | {"dt"}, skip_added=True)
    for paragraph in sorted(source.paragraphs(), key=len, reverse=True):
        # Metadata cells are split into label (dt, skipped) and value (dd).
        value = paragraph.split(": ", 1)[1] if re.match(r"^[\w. ]+\.?: \S", paragraph) and len(paragraph) < 60 else paragraph
        rest = rest.replace(value, " ", 1)
    leftover = " ".join(rest.split())
    assert re.fullmatch(r"[\s.,:;()]*", leftover), f"Tekst på retningslinjesiden som ikke står i kilden: {leftover!r}"


def test_page_furniture_is_dropped(guideline_html):
    text = article_text(guideline_html)
    for furniture in ("Sidenr", "Side : 2 av 3", "Side : 3 av 3", "Versjon.: 0.01"):
        assert furniture not in text


def test_sentence_across_page_break_is_one_sentence(guideline_html):
    text = article_text(guideline_html)
    assert "ivareta en ny medarbeider på en god måte, selv om det på disse dagene" in text
