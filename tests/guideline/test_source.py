"""guideline.source: the county's export of 0.01 parses into today's published page."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from guideline import layout, source
from guideline.text import slug
from tests.built_page import parse as parse_page
from tests.content import GUIDELINE, ROOT
from tests.site import guideline_source
from tests.site.test_published_anchors import published

from .conftest import FIRST, LAYOUT

HEADER = FIRST.read_text(encoding="utf-8")


def test_anchors_are_the_published_ones_in_document_order(first):
    expected = [anchor for page, anchor in published() if page == "retningslinje/"]
    assert first.anchors() == expected


def test_anchor_text_is_what_the_built_page_gives(first, site_dir):
    # The page is rendered from the parsed source (hooks/guideline_pages.py); read back, it holds the same text.
    page = parse_page((site_dir / "retningslinje" / "index.html").read_text(encoding="utf-8"))
    assert {a: first.anchor_text(a) for a in first.anchors()} == {a: page.anchors[a] for a in first.anchors()}
    assert first.text == page.text


def test_every_source_paragraph_is_in_the_blocks_verbatim_and_in_order(first):
    paragraphs = guideline_source.paragraphs(FIRST)
    body = paragraphs.index("Generelle bestemmelser")
    header = " ".join([first.meta.title, first.meta.text])
    assert [p for p in paragraphs[:body] if p not in header] == []
    texts = [b.text for b in first.blocks[1:]]  # after the title
    position = 0
    for paragraph in paragraphs[body:]:
        # guideline_source drops a leading "N. " ("10. Presiseringer …" keeps its number here).
        found = next((i for i in range(position, len(texts)) if texts[i] == paragraph or
                      re.fullmatch(rf"\d+\. {re.escape(paragraph)}", texts[i])), None)
        assert found is not None, f"mangler eller i feil rekkefølge: {paragraph!r}"
        position = found + 1
    # …and nothing else: every block's words come from the source.
    source_text = " ".join(paragraphs)
    assert [t for t in texts if t and t not in source_text and t.split(". ", 1)[-1] not in source_text] == []


def test_page_furniture_is_dropped(first):
    furniture = [line for line in HEADER.splitlines() if guideline_source.is_furniture(line)]
    assert len(furniture) == 5  # page 1's number; pages 2 and 3: the running header and the number
    body = " ".join(b.shown for b in first.blocks[1:])  # after the title (and its metadata box)
    for line in furniture:
        for cell in filter(None, (c.strip() for c in line.split("\t"))):
            assert cell not in body
    assert not re.search(r"Versjon\.:|Sidenr|Side : \d", first.text)


def test_the_sentence_cut_by_the_page_break_is_one_sentence(first):
    block = first.block("punkt-8b")
    lines = HEADER.splitlines()
    cut = next(n for n, line in enumerate(lines, 1) if line.startswith("b) Leder avgjør"))
    assert block.line == cut
    assert block.text.startswith(lines[cut - 1].strip())
    [sentence] = [s.text for s in first.sentences() if "ivareta en ny medarbeider" in s.text]
    assert "på en god måte, selv om det på disse dagene" in sentence and sentence.endswith("avtalt hjemmekontor.")


def test_metadata_is_read_from_the_header_cells(first):
    meta = first.meta
    cells = [c.strip() for line in HEADER.splitlines()[:6] for c in line.split("\t") if c.strip()]
    for label, value in meta.fields:
        assert f"{label} {value}" in cells
    assert [label for label, _ in meta.fields] == ["Dok.id.:", "Dok.type:", "Versjon:", "Skrevet av:",
                                                   "Gjelder fra:", "Godkjent av:"]
    values = dict(meta.fields)
    assert (meta.doc_id, meta.doc_type, meta.version, meta.author, meta.valid_from, meta.approved_by) == tuple(
        values[label] for label in ("Dok.id.:", "Dok.type:", "Versjon:", "Skrevet av:", "Gjelder fra:", "Godkjent av:"))
    guideline = GUIDELINE  # what the receipts say (decision_tree/common.toml)
    assert (meta.title, meta.version, meta.valid_from) == (guideline.title, guideline.version, guideline.valid_from)
    assert len(meta.owner) == 3 and " ".join(meta.owner) == cells[0]
    assert meta.owner[0] == "Troms fylkeskommune"


def test_blocks_have_kind_level_list_line_and_parent(first):
    lines = HEADER.splitlines()
    for block in first.blocks:
        if block.kind != "heading" or block.text:
            words = block.text.split()[0].strip("*[")
            assert words in lines[block.line - 1], (block, lines[block.line - 1])
    punkt7 = [b for b in first.blocks if b.parent == "punkt-7"]
    assert [(b.kind, b.list, b.anchor) for b in punkt7] == [
        ("paragraph", "", ""), ("item", "letters", "punkt-7a"), ("item", "letters", "punkt-7b"),
        ("item", "letters", "punkt-7c"), ("item", "letters", "punkt-7d"), ("paragraph", "", "punkt-7-vurdering")]
    assert [b.list for b in first.blocks if b.parent == "punkt-9" and b.kind == "item"] == ["bullets"] * 3
    levels = {b.anchor: (b.level, b.label, b.parent) for b in first.blocks if b.kind == "heading"}
    assert levels["retningslinje"] == (1, first.meta.title, "")
    assert levels["generelle-bestemmelser"] == (2, "Generelle bestemmelser", "retningslinje")
    assert levels["punkt-3"] == (3, "Punkt 3", "generelle-bestemmelser")
    assert levels["punkt-10"] == (2, "10. Presiseringer om hjemmekontor", "retningslinje")
    assert levels["kortvarig"] == (3, "Hva betyr kortvarig:", "punkt-10")
    assert first.block("punkt-3").text == ""  # "Punkt 3" is not the source's words; its sentence follows
    reise = [b for b in first.blocks if b.parent == "reise"]
    assert [b.kind for b in reise] == ["paragraph"] and not reise[0].text.endswith(".")


def test_links_wrap_exactly_the_words_oppsett_names_on_the_built_page(first, site_dir):
    from tests.browser.build_context import extra

    html = (site_dir / "retningslinje" / "index.html").read_text(encoding="utf-8")
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    shown = [(re.sub(r"<[^>]+>", "", text).strip(), href) for href, text in
             re.findall(r'<a (?!class="headerlink")[^>]*?href="([^"]+)"[^>]*>(.*?)</a>', article)
             if not href.startswith(("../", "versjon/"))]  # links to other pages are the page's own (data-added)
    ours = [(words, extra()[target[len("extra:"):]] if target.startswith("extra:") else target)
            for b in first.blocks for words, target in b.pieces() if target]
    assert sorted(shown) == sorted(ours)
    assert {target for b in first.blocks for _, target in b.pieces() if target} == {
        "#punkt-10", "extra:skjema_url", "extra:pou_url"}
    for block in first.blocks:
        assert "".join(words for words, _ in block.pieces()) == block.shown
    assert first.warnings == ()


def test_sentences_know_their_anchors_most_specific_first(first):
    by_text = {s.text: s.anchors for s in first.sentences()}
    assert by_text["Arbeidsgivers styringsrett er uendret."] == ("punkt-8", "generelle-bestemmelser", "retningslinje")
    assert by_text["c) oppgavens art"] == ("punkt-7c", "punkt-7", "generelle-bestemmelser", "retningslinje")
    # "jf." does not end a sentence; every sentence of the source is one of ours.
    assert any(t.endswith("lages. jf. Forskrift om arbeid som utføres i arbeidstakers hjem.") for t in by_text)
    ours = set(by_text)
    for paragraph in guideline_source.paragraphs(FIRST)[guideline_source.paragraphs(FIRST).index("Generelle bestemmelser"):]:
        for sentence in guideline_source.sentences(paragraph):
            assert any(sentence in s for s in ours) or any(sentence in b.shown for b in first.blocks), sentence


# --- Heading or paragraph, and anchors of lines oppsett.toml does not know ----------------------


def page(body: str, version: str = "0.01") -> str:
    """A minimal source file: the header as the county writes it, then `body`."""
    head = HEADER.split("\n\nGenerelle bestemmelser", 1)[0].replace("Versjon: 0.01", f"Versjon: {version}")
    return f"{head}\n\n{body}\n"


def parse(body: str, **kwargs):
    return source.parse(page(body), "test.txt", layout.Layout(**kwargs))


def test_a_short_line_without_a_period_is_a_new_heading_with_a_slug_and_a_warning():
    doc = parse("Generelle bestemmelser\n\n1. Første punkt.\n\nØkonomi og særavtaler\n\nEt avsnitt her.",
                headings={"Generelle bestemmelser": "generelle-bestemmelser"})
    assert [(b.kind, b.anchor) for b in doc.blocks if b.kind == "heading"][-1] == ("heading", "okonomi-og-saeravtaler")
    [warning] = doc.warnings
    assert warning.source == "test.txt" and warning.line == 12 and "«Økonomi og særavtaler»" in warning.message
    assert "okonomi-og-saeravtaler" in warning.message


def test_a_long_line_without_a_period_is_a_paragraph_and_a_listed_one_too():
    long = "Det gis i utgangspunktet ingen kompensasjon for reise mellom hjemmekontor og kontor"
    doc = parse(f"Reise\n\n{long}\n\nSe skjemaet", headings={"Reise": "reise"}, not_headings=frozenset({"Se skjemaet"}))
    assert [(b.kind, b.text) for b in doc.blocks[1:]] == [("heading", "Reise"), ("paragraph", long),
                                                       ("paragraph", "Se skjemaet")]
    assert doc.warnings == ()


def test_numbered_points_with_a_sentence_or_a_title():
    doc = parse("Del\n\n1. En setning.\n\n2. Et tema\n\n- **Under:**\n\nTekst.\n\n3. Neste setning.",
                headings={"Del": "del"})
    shape = [(b.kind, b.level, b.anchor, b.label or b.text, b.parent) for b in doc.blocks[1:]]
    assert shape == [
        ("heading", 2, "del", "Del", "retningslinje"),
        ("heading", 3, "punkt-1", "Punkt 1", "del"), ("paragraph", 0, "", "En setning.", "punkt-1"),
        ("heading", 2, "punkt-2", "2. Et tema", "retningslinje"),
        ("heading", 3, "under", "Under:", "punkt-2"), ("paragraph", 0, "", "Tekst.", "under"),
        # After a titled point, the next point is its sibling, not inside it.
        ("heading", 2, "punkt-3", "Punkt 3", "retningslinje"), ("paragraph", 0, "", "Neste setning.", "punkt-3"),
    ]
    assert len(doc.warnings) == 1  # "Under:" is not in oppsett.toml


def test_letters_are_anchored_inside_a_point_and_warned_outside():
    doc = parse("a) Før noe punkt.\n\n4. Punktet:\n\n- a) første\n- b) andre\n\nc) Et avsnitt.")
    assert [(b.kind, b.list, b.anchor) for b in doc.blocks if b.kind != "heading"] == [
        ("paragraph", "", ""), ("paragraph", "", ""), ("item", "letters", "punkt-4a"),
        ("item", "letters", "punkt-4b"), ("paragraph", "", "punkt-4c")]
    [warning] = doc.warnings
    assert warning.line == 8 and "utenfor et nummerert punkt" in warning.message


def test_a_paragraph_on_several_lines_is_one_paragraph():
    doc = parse("1. Første linje\nfortsetter her.\n\nNytt avsnitt.")
    assert [b.text for b in doc.blocks[2:]] == ["Første linje fortsetter her.", "Nytt avsnitt."]


@pytest.mark.parametrize("old, new, message, line", [
    ("Versjon: 0.01", "Versjonen 0.01", "toppteksten mangler «Versjon:»", 3),  # the header's first line
    ("Versjon: 0.01", "Versjon: første", "«Versjon: første» er ikke et versjonsnummer", 5),
    ("4. Tidligere", "3. Tidligere", "ankeret «punkt-3» finnes allerede", 16),
])
def test_a_broken_source_raises_problems_with_file_and_line(old, new, message, line):
    text = HEADER.replace(old, new)
    assert text.splitlines()[line - 1].strip().startswith(new) or line == 3
    with pytest.raises(layout.SourceError) as caught:
        source.parse(text, "kilde/retningslinje-0.01.txt", LAYOUT)
    [problem] = caught.value.problems
    assert (problem.source, problem.line) == ("kilde/retningslinje-0.01.txt", line)
    assert message in problem.message


def test_a_named_paragraph_missing_in_its_own_version_is_an_error():
    rule = layout.NamedParagraph("punkt-1-mer", "Dette avsnittet finnes ikke", "0.01", line=7)
    with pytest.raises(layout.SourceError) as caught:
        source.parse(HEADER, "x.txt", layout.Layout(named=(rule,), source="kilde/oppsett.toml"))
    assert [str(p) for p in caught.value.problems] == [
        "kilde/oppsett.toml:7: ingen avsnitt i x.txt begynner med «Dette avsnittet finnes ikke» (ankeret «punkt-1-mer»)"]
    later = layout.NamedParagraph("punkt-1-mer", "Ansatte i Troms", "0.02", line=7)
    assert source.parse(HEADER, "x.txt", layout.Layout(named=(later,))).block("punkt-1-mer") is None


def test_slug_is_ascii():
    assert slug("Hva er sporadisk hjemmearbeid:") == "hva-er-sporadisk-hjemmearbeid"
    assert slug("Særlige forhold på Åsen") == "saerlige-forhold-pa-asen"


def test_links_whose_words_or_address_are_missing_are_warned():
    rule = layout.LinkRule("skjemaportalen", "punkt-1", "extra:skjema_url", line=9)
    doc = source.parse(page("1. Bruk [skjemaet](#) på nettet."), "x.txt", layout.Layout(links=(rule,), source="o.toml"))
    assert [str(w) for w in doc.warnings] == [
        "x.txt:8: kilden har en lenke på «skjemaet»; sett adressen under [[lenke]] i oppsett.toml",
        "o.toml:9: ordene «skjemaportalen» står ikke lenger under «punkt-1»; lenken er tatt bort",
    ]
    assert doc.blocks[-1].text == "Bruk skjemaet på nettet." and doc.blocks[-1].links == ()


def test_a_running_header_of_another_version_is_warned():
    text = HEADER.replace("Versjon.: 0.01", "Versjon.: 0.00", 1)
    line = next(n for n, raw in enumerate(text.splitlines(), 1) if "Versjon.: 0.00" in raw)
    [warning] = source.parse(text, "x.txt", LAYOUT).warnings
    assert (warning.line, warning.message) == (line, "sidetoppen sier versjon 0.00, men toppen av dokumentet sier 0.01")


def test_the_package_runs_on_the_standard_library_alone():
    # -S: no site-packages (so neither a third-party package nor the project's others); the working
    # directory, the repository, is where `-c` finds the package itself.
    code = "import guideline.source, guideline.versions, guideline.diff, guideline.quotes, guideline.layout"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run([sys.executable, "-S", "-c", code], cwd=ROOT, env=env, check=True)
