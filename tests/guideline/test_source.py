"""guideline.source: the county's exports in kilde/ parse into the published page.

The parser's own shapes are tested on the site's first version, 0.01, which stays in kilde/ for good; what
the site shows is compared with the version it shows, whichever that is."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from guideline import layout, source
from guideline.text import slug
from tests.built_page import parse as parse_page
from tests.content import CONTENT, GUIDELINE, REPO
from tests.site import guideline_source
from tests.site.test_published_anchors import published

from .conftest import FIRST, LAYOUT

HEADER = FIRST.read_text(encoding="utf-8")


def test_the_first_versions_anchors_are_all_published_in_document_order(first):
    # Later versions' new anchors are added to the list by HR; the first version's stay, in its order.
    listed = [anchor for page, anchor in published() if page == "retningslinje/"]
    assert [a for a in listed if a in first.anchors()] == first.anchors()


def test_anchor_text_is_what_the_built_page_gives(site_dir):
    # The page is rendered from the parsed source (hooks/guideline_pages.py); read back, it holds the same text.
    shown = CONTENT.timeline.shown.document
    page = parse_page((site_dir / "retningslinje" / "index.html").read_text(encoding="utf-8"))
    assert {a: shown.anchor_text(a) for a in shown.anchors()} == {a: page.anchors.get(a) for a in shown.anchors()}
    assert shown.text == page.text


@pytest.mark.parametrize("version", CONTENT.versions, ids=lambda v: v.number)
def test_a_sentence_cut_by_a_page_break_is_one_sentence(version):
    # A page break inside a sentence: the next page's text resumes in lower case after page furniture.
    lines = version.path.read_text(encoding="utf-8").splitlines()
    sentences = [s.text for s in version.document.sentences()]
    for n, line in enumerate(lines):
        if not guideline_source.is_furniture(line) or (n and guideline_source.is_furniture(lines[n - 1])):
            continue
        before = next((x.strip() for x in reversed(lines[:n]) if x.strip()), "")
        after = next((x.strip() for x in lines[n:] if x.strip() and not guideline_source.is_furniture(x)), "")
        if before and after[:1].islower() and not re.search(r"[.:;!?]$", before):
            seam = " ".join([*before.split()[-3:], *after.split()[:3]])
            assert any(seam in sentence for sentence in sentences), (version.path.name, seam)


@pytest.mark.parametrize("version", CONTENT.versions, ids=lambda v: v.number)
def test_metadata_is_read_from_the_header_cells(version):
    meta = version.document.meta
    cells = guideline_source.header(version.path)
    for label, value in meta.fields:
        assert f"{label} {value}" in cells
    values = dict(meta.fields)
    assert (meta.doc_id, meta.doc_type, meta.version, meta.author, meta.valid_from, meta.approved_by) == tuple(
        values[label] for label in ("Dok.id.:", "Dok.type:", "Versjon:", "Skrevet av:", "Gjelder fra:", "Godkjent av:"))
    assert meta.version == version.number
    assert " ".join(meta.owner) == cells[0] and len(meta.owner) == 3
    if version == CONTENT.newest:  # what the receipts say
        assert (meta.title, meta.version, meta.valid_from) == (GUIDELINE.title, GUIDELINE.version, GUIDELINE.valid_from)


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


def test_links_wrap_exactly_the_words_oppsett_names_on_the_built_page(site_dir):
    from tests.browser.build_context import extra

    shown = CONTENT.timeline.shown.document
    html = (site_dir / "retningslinje" / "index.html").read_text(encoding="utf-8")
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    shown_links = [(re.sub(r"<[^>]+>", "", text).strip(), href) for href, text in
             re.findall(r'<a (?!class="headerlink")[^>]*?href="([^"]+)"[^>]*>(.*?)</a>', article)
             if not href.startswith(("../", "versjon/"))]  # links to other pages are the page's own (data-added)
    ours = [(words, extra()[target[len("extra:"):]] if target.startswith("extra:") else target)
            for b in shown.blocks for words, target in b.pieces() if target]
    assert ours and sorted(shown_links) == sorted(ours)
    # Every link kilde/oppsett.toml names is made, and nothing else.
    assert {target for b in shown.blocks for _, target in b.pieces() if target} == {r.target for r in LAYOUT.links}
    for block in shown.blocks:
        assert "".join(words for words, _ in block.pieces()) == block.shown
    assert shown.warnings == ()


def test_sentences_know_their_anchors_most_specific_first(first):
    by_text = {s.text: s.anchors for s in first.sentences()}
    assert by_text["Arbeidsgivers styringsrett er uendret."] == ("punkt-8", "generelle-bestemmelser", "retningslinje")
    assert by_text["c) oppgavens art"] == ("punkt-7c", "punkt-7", "generelle-bestemmelser", "retningslinje")
    # "jf." does not end a sentence.
    assert any(t.endswith("lages. jf. Forskrift om arbeid som utføres i arbeidstakers hjem.") for t in by_text)


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
        "kilde/oppsett.toml:7: ingen avsnitt i x.txt begynner med «Dette avsnittet finnes ikke» "
        "(ankeret «punkt-1-mer»)"]
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
    subprocess.run([sys.executable, "-S", "-c", code], cwd=REPO, env=env, check=True)
