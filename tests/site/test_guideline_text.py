"""Content fidelity, as a reader gets it: the built guideline page carries every sentence of the source in
kilde/, in order, and nothing else; and every quote the answers make stands there word for word, under the
anchor it links to. Read with the tests' own readers (tests/site/guideline_source.py for the text file,
tests/built_page.py and page_text.py for the page), so a fault in the site's parser cannot hide itself."""

from __future__ import annotations

import re

import pytest

from guideline.text import normalise
from tests.built_page import parse
from tests.content import GUIDELINE, PROJECT, TREES
from tests.site import guideline_source as source
from tests.site.page_text import HEADINGS, article_text
from tooling.quotes import page_quotes, tree_quotes


@pytest.fixture(scope="module")
def guideline_html(site_dir):
    return (site_dir / "retningslinje" / "index.html").read_text(encoding="utf-8")


def test_every_source_paragraph_appears_verbatim_and_in_order(guideline_html):
    text = article_text(guideline_html)
    paragraphs, header = source.paragraphs(), source.header()
    position, missing = 0, []
    # The first page's header (title and metadata) is laid out as a box: present, in any order.
    missing += [f"{p!r}" for p in header if p not in text]
    for paragraph in paragraphs[len(header):]:
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
    # Page numbers and the running header are not content (the title and the document id in it are, in the box).
    text = article_text(guideline_html)
    furniture = set(source.furniture()) - set(source.header())
    assert furniture, "the source has page numbers"
    for cell in furniture:
        assert cell not in text


def test_every_quote_stands_word_for_word_under_its_anchor_on_the_page_it_links_to(site_dir):
    # The page the answers' citations link to: the newest version's (retningslinje/ once it is in force).
    page = parse((site_dir / GUIDELINE.page / "index.html").read_text(encoding="utf-8"))
    quotes = [*tree_quotes(TREES.values()), *page_quotes(PROJECT.docs / "faq.md")]
    assert quotes
    wrong = [f"{q.source}:{q.line}: «{q.text}» (#{q.anchor})" for q in quotes
             if normalise(q.text) not in page.anchors.get(q.anchor, "")]
    assert not wrong, "Sitater som ikke står ordrett under ankeret sitt:\n" + "\n".join(wrong)
