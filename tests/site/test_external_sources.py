"""External sources: every address of another site comes from kilde/eksterne-kilder.toml, and every link to one
is labelled as outside the guideline, with its publisher. The guideline's own text never carries one."""

from __future__ import annotations

import os
import re
from html import unescape
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from mkdocs.exceptions import PluginError

from guideline import external
from guideline.problems import ProblemError as TreeError
from tests.content import CONTENT
from tests.site.writing_guide import ROOT, files

LABEL = "Ekstern kilde, ikke en del av retningslinjen:"
_LINK = re.compile(r'<a\b[^>]*\bhref="(https?://[^"]+)"[^>]*>', re.I)
_LABELLED = re.compile(r'<span class="hk-external" data-external-source="([a-z0-9-]+)">'
                       r'<span class="hk-external__label">([^<]+)</span> <a href="([^"]+)">[^<]+</a> \(([^)]+)\)</span>')


@pytest.fixture(scope="module")
def sources():
    return CONTENT.sources


@pytest.fixture(scope="module")
def settings():
    from tests.browser.build_context import extra

    return set(extra().values())


def articles(site: Path):
    for page in sorted(site.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        if '<article class="md-content__inner md-typeset">' in html:
            yield page.relative_to(site), html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


def test_the_data_file_holds_confirmed_https_addresses(sources):
    assert len(sources) >= 3
    for source in sources.values():
        assert source.url.startswith("https://") and source.label and source.publisher
        assert len(source.confirmed_by) > 20, f"{source.id}: si hvor adressen er bekreftet"
    assert "lovdata.no/dokument/SF/forskrift/2002-07-05-715" not in {s.url for s in sources.values()}  # not confirmed


def test_no_page_or_tree_writes_an_address_of_another_site():
    found = []
    for path in files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"https?://|\bwww\.", line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert not found, "Adresser til andre nettsteder står i kilde/eksterne-kilder.toml ([tekst](ekstern:id)):\n" + "\n".join(found)


def test_every_external_link_on_the_site_comes_from_the_data_file_and_is_labelled(site_dir, sources, settings):
    by_url = {s.url: s for s in sources.values()}
    used, problems = set(), []
    for page, article in articles(site_dir):
        spans = {m.group(3): m for m in _LABELLED.finditer(article)}
        for link in _LINK.finditer(article):
            url = unescape(link.group(1))
            if url in settings:  # the form and POU: the intranet's own settings (mkdocs.yml extra)
                continue
            source = by_url.get(url)
            span = spans.get(link.group(1))
            if source is None:
                problems.append(f"{page}: {url} står ikke i kilde/eksterne-kilder.toml")
            elif span is None or span.group(2) != LABEL or span.group(4) != source.publisher or span.group(1) != source.id:
                problems.append(f"{page}: {url} er ikke merket «{LABEL}» med utgiveren")
            else:
                used.add(source.id)
    assert not problems, "\n".join(problems)
    assert used, "ingen eksterne kilder funnet: testen leser ikke det den skal"


def test_the_guideline_pages_carry_no_external_source(site_dir):
    for page in [site_dir / "retningslinje" / "index.html", *(site_dir / "retningslinje" / "versjon").glob("*/index.html")]:
        assert "hk-external" not in page.read_text(encoding="utf-8"), page


def test_the_data_file_names_each_problem_with_its_line(tmp_path):
    bad = tmp_path / "eksterne-kilder.toml"
    bad.write_text('[[kilde]]\nid = "a"\nnavn = "A"\nutgiver = "U"\nurl = "http://example.org"\nbekreftet = "x"\n\n'
                   '[[kilde]]\nid = "a"\nnavn = "B"\nutgiver = "U"\nurl = "https://example.org"\nbekreftet = "x"\n'
                   'farge = "rød"\n', encoding="utf-8")
    with pytest.raises(TreeError) as error:
        external.load(bad)
    lines = sorted((p.line, p.message.split(" ")[0]) for p in error.value.problems)
    assert [line for line, _ in lines] == [5, 9, 14], lines  # the http address, the second "a", the unknown key


def test_an_unknown_id_stops_the_build_with_file_and_line():
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    hook = config.hooks["hooks/external_sources.py"]
    page = SimpleNamespace(file=SimpleNamespace(src_uri="faq.md"))
    rendered = hook.on_page_markdown("Tekst.\n\n[Loven](ekstern:folketrygdloven)\n", page, config, None)
    assert LABEL in rendered and "https://lovdata.no/dokument/NL/lov/1997-02-28-19" in rendered and "(Lovdata)" in rendered
    with pytest.raises(PluginError, match=r"docs/faq\.md:3: ukjent ekstern kilde «finnes-ikke»"):
        hook.on_page_markdown("Tekst.\n\n[Loven](ekstern:finnes-ikke)\n", page, config, None)


def test_a_syntax_error_in_the_data_file_is_named_at_its_line(tmp_path):
    bad = tmp_path / "eksterne-kilder.toml"
    bad.write_text('[[kilde]]\nid = "a"\nnavn = "A\n', encoding="utf-8")
    with pytest.raises(TreeError) as error:
        external.load(bad)
    [problem] = error.value.problems
    assert problem.line == 3 and "fila er ikke gyldig TOML" in problem.message


def test_the_link_form_finds_only_external_sources():
    found = [(m.group(1), m.group(2)) for m in external.LINK.finditer("a [x](ekstern:folketrygdloven) b [y](extra:pou_url)")]
    assert found == [("x", "folketrygdloven")]
    assert (CONTENT.project.kilde / external.FILE_NAME).is_file()
