"""The built decision-tree pages: the widget's build-rendered fragments (one per node, every text
it shows), the outline readable with no JavaScript, the diagram (whose Mermaid loads only when
needed), every path in the table, the trees the browser's engine loads, and a broken tree failing
the strict build."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from decision_tree import api, bundle
from guideline.text import normalise
from tests.built_page import parse
from tooling.paths import all_paths

from tests.content import COMMON, CONTENT, GUIDELINE, PROJECT, REPO, TREES

from . import scratch
from .page_text import article_text

SLUGS = list(TREES)


class Elements(HTMLParser):
    """Every start tag as (tag, attrs), and ids."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    parser = Elements()
    parser.feed(html)
    return parser.tags


def page(site_dir: Path, slug: str) -> str:
    return (site_dir / "beslutningstre" / slug / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def guideline(site_dir):
    return parse((site_dir / "retningslinje" / "index.html").read_text(encoding="utf-8"))


class Fragments(HTMLParser):
    """The widget's <template>s by key ("node:<id>" or the piece's name), as HTML strings."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.found: dict[str, str] = {}
        self.key: str | None = None
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "template" and self.key is None:
            self.key = f"node:{a['data-hk-node']}" if "data-hk-node" in a else a["data-hk"]
            self.depth, self.parts = 0, []
            return
        if self.key is not None:
            self.depth += tag == "template"
            self.parts.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if self.key is not None and tag == "template" and self.depth == 0:
            self.found[self.key] = "".join(self.parts)
            self.key = None
        elif self.key is not None:
            self.depth -= tag == "template"
            self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        if self.key is not None:
            self.parts.append(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")


def fragments(html: str) -> dict[str, str]:
    parser = Fragments()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("slug", SLUGS)
def test_widget_is_above_the_outline_and_the_diagram(site_dir, slug):
    html = page(site_dir, slug)
    tree = TREES[slug]
    [(_, widget)] = [(t, a) for t, a in elements(html) if "hk-widget" in a.get("class", "").split()]
    assert widget["data-hk-tree"] == slug
    # The start is the engine's own view, so the widget shows the first question before the engine runs.
    start = json.loads(widget["data-hk-start-view"])
    assert start == api.view(slug, "") and start["node"] == tree.start
    assert html.index('class="hk-widget"') < html.index('class="hk-outline"') < html.index('class="hk-diagram"')
    # Without JavaScript the widget's place says where the tree is as text.
    assert "trenger JavaScript" in article_text(html) and 'href="#hele-treet"' in html


@pytest.mark.parametrize("slug", SLUGS)
def test_every_node_has_one_fragment_with_its_texts(site_dir, slug):
    tree = TREES[slug]
    found = fragments(page(site_dir, slug))
    assert {k[5:] for k in found if k.startswith("node:")} == set(tree.questions) | set(tree.outcomes)
    for q in tree.questions.values():
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", found[f"node:{q.id}"])).split())
        assert normalise(q.text) in text
        form = elements(found[f"node:{q.id}"])
        if q.kind == "choice":
            assert [a["value"] for t, a in form if t == "input"] == [o.id for o in q.options]
            for option in q.options:
                assert normalise(option.label) in text
        else:
            assert [a["name"] for t, a in form if t == "input"] == [f.id for f in q.fields]
            assert [a["data-error"] for t, a in form if "data-error" in a] == ["_"] + [f.id for f in q.fields]
    for o in tree.outcomes.values():
        body = found[f"node:{o.id}"]
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())
        assert normalise(o.title) in text and COMMON.certainties[o.certainty].label in text
        for citation in o.citations:
            assert f"«{normalise(citation.quote)}»" in text
        # The receipt is the build's text, with the answers and the link left for the widget.
        receipt = body[body.index('class="hk-receipt"'):]
        assert '<span data-slot="answers"></span>' in receipt and '<span data-slot="link"></span>' in receipt
        assert f"Resultat: {o.title}" in " ".join(unescape(receipt).split())  # the heading may be wrapped
    blob = "".join(found.values())
    assert "extra:" not in blob and "<script" not in blob and "\x00" not in blob


@pytest.mark.parametrize("slug", SLUGS)
def test_widget_pieces_are_all_there(site_dir, slug):
    found = fragments(page(site_dir, slug))
    for piece in ("status", "messages", "loading", "summary", "summary-item", "answers", "answer", "why-item",
                  "restart", "receipt-answer", "notice-changed", "notice-dropped", "invalid-link", "invalid-tree",
                  "failure", "broken"):
        assert piece in found, piece
    for slot in ("n", "question", "answer"):
        assert f'<span data-slot="{slot}"></span>' in found["receipt-answer"]


@pytest.mark.parametrize("slug", SLUGS)
def test_outline_reads_without_javascript(site_dir, slug):
    tree = TREES[slug]
    html = page(site_dir, slug)
    outline = html[html.index('class="hk-outline"'):html.index('class="hk-diagram"')]
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", outline)).split())
    for q in tree.questions.values():
        assert normalise(q.text) in text
        for option in q.options:
            assert normalise(option.label) in text
    for o in tree.outcomes.values():
        assert f"Svar: {normalise(o.title)}" in text
        for citation in o.citations:
            assert f"«{normalise(citation.quote)}»" in text
    assert "Hvor sikkert:" in text


@pytest.mark.parametrize("slug", SLUGS)
def test_citation_links_point_at_existing_guideline_anchors(site_dir, slug, guideline):
    html = page(site_dir, slug)
    # The newest version's page: retningslinje/ once it is in force (guideline.versions.Timeline.page).
    target = re.escape(GUIDELINE.page)
    links = re.findall(rf'href="\.\./\.\./{target}/#([^"]+)"', html)
    cited = {c.anchor for o in TREES[slug].outcomes.values() for c in o.citations}
    assert cited <= set(links)
    assert set(links) <= set(guideline.anchors)


@pytest.mark.parametrize("slug", SLUGS)
def test_internal_outline_links_resolve(site_dir, slug):
    html = page(site_dir, slug)
    ids = {a["id"] for _, a in elements(html) if "id" in a}
    for target in re.findall(r'href="#([^"]+)"', html):
        assert target in ids, target
    assert "mermaid" not in ids


@pytest.mark.parametrize("slug", SLUGS)
def test_paths_table_has_every_path(site_dir, slug):
    html = page(site_dir, slug)
    table = html[html.index('class="hk-paths'):]
    table = table[: table.index("</table>")]
    assert table.count("<tr>") - 1 == len(all_paths(TREES[slug]))  # minus the header row
    assert f"Alle {len(all_paths(TREES[slug]))} veier" in table


@pytest.mark.parametrize("slug", SLUGS)
def test_mermaid_diagram_source_and_its_self_hosted_script(site_dir, slug):
    html = page(site_dir, slug)
    box = re.search(r'<div class="hk-diagram" data-mermaid="([^"]+)"[^>]*>(.*?)</div>', html, re.S)
    diagram = re.search(r'<pre class="hk-diagram__source" hidden>(.*?)</pre>', box.group(2), re.S)
    source = unescape(diagram.group(1))
    assert source.startswith("flowchart TD") and "accTitle:" in source
    edges = sum(len(q.options) for q in TREES[slug].questions.values())
    assert source.count("-->") == edges
    # Mermaid is not a script of the page: the diagram module loads it when the diagram is near.
    scripts = [a["src"] for tag, a in elements(html) if tag == "script" and "src" in a]
    assert not [s for s in scripts if "mermaid" in s]
    assert box.group(1) == "../../assets/vendor/mermaid/mermaid.min.js"
    assert (site_dir / "beslutningstre" / slug / box.group(1)).resolve().stat().st_size > 1_000_000


def test_mermaid_is_loaded_only_on_tree_pages(site_dir):
    for other in ("index.html", "retningslinje/index.html", "faq/index.html", "beslutningstre/index.html"):
        assert "mermaid.min.js" not in (site_dir / other).read_text(encoding="utf-8"), other


def test_the_browsers_engine_gets_exactly_the_checked_trees(site_dir):
    runtime = (site_dir / "assets" / "javascripts" / "tree-runtime.js").read_text(encoding="utf-8")
    data_url = re.search(r'dataURL: new URL\("\.\./([^"]+)"', runtime).group(1)
    data = json.loads((site_dir / "assets" / data_url).read_text(encoding="utf-8"))
    assert data == bundle.dump(CONTENT.catalog)
    # What only the checks read stays out of the browser's copy: the review's topic words, for one.
    assert any(o.topics for t in CONTENT.trees.values() for o in t.outcomes.values())
    assert '"topics"' not in json.dumps(data)
    loaded = bundle.load(data)
    assert loaded.trees.keys() == CONTENT.trees.keys() and loaded.guideline == CONTENT.catalog.guideline
    assert not list((site_dir / "beslutningstre").glob("*/tree.json"))  # nothing fetches a per-tree copy


def test_the_widget_script_is_one_classic_script_bundled_from_its_modules(site_dir):
    script = (site_dir / "assets" / "javascripts" / "site.js").read_text(encoding="utf-8")
    sources = PROJECT.overrides / "assets" / "javascripts" / "site"
    for module in sources.glob("*.js"):
        assert f"// overrides/assets/javascripts/site/{module.name}" in script
    assert not re.search(r"^\s*(import|export)\b", script, re.M)
    assert not (site_dir / "assets" / "javascripts" / "site").exists()
    node = shutil.which("node")
    if node:
        subprocess.run([node, "--check", str(site_dir / "assets" / "javascripts" / "site.js")], check=True)


def test_two_modules_private_names_never_replace_each_other(tmp_path):
    """The regex joiner put every module in one scope, so a later module's private function silently
    replaced an earlier one's of the same name. The bundler keeps each module's scope."""
    from tooling import jsbundle

    (tmp_path / "a.js").write_text('function name() { return "a"; }\nexport const a = () => name();\n', encoding="utf-8")
    (tmp_path / "b.js").write_text('function name() { return "b"; }\nexport const b = () => name();\n', encoding="utf-8")
    (tmp_path / "main.js").write_text('import { a } from "./a.js";\nimport { b } from "./b.js";\n'
                                      'console.log(a() + b());\n', encoding="utf-8")
    script = jsbundle.bundle(tmp_path / "main.js", REPO)
    ran = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == "ab"


def test_landing_page_lists_every_tree_and_sits_in_the_nav(site_dir):
    html = (site_dir / "beslutningstre" / "index.html").read_text(encoding="utf-8")
    for slug, tree in TREES.items():
        assert f'href="{slug}/"' in html
        assert tree.title in unescape(html)
    home = unescape((site_dir / "index.html").read_text(encoding="utf-8"))
    nav = home[home.index('md-nav--primary'):]
    order = [nav.index(label) for label in ("Spørsmål og svar", "Beslutningstrær", "Om nettstedet")]
    assert order == sorted(order)


# --- A broken tree fails `mkdocs build --strict` with file:line messages ------------------------
# The trees, quotes and ids broken here are picked from the tree files, so any valid trees will do.


def strict_build(tmp_path: Path, change: callable) -> subprocess.CompletedProcess:
    project = scratch.project(tmp_path)
    change(project)
    return scratch.build(project, tmp_path / "out")


def replace_line(path: Path, number: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[number - 1], (path, number, old)
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def a_quote_to_break():
    """A tree citation quoting words of one sentence, on its own line, and the quote with a word left out:
    words that stand nowhere in the guideline."""
    document = CONTENT.newest.document
    texts = [document.anchor_text(a) for a in document.anchors()]
    for tree in TREES.values():
        lines = (PROJECT.root / tree.source).read_text(encoding="utf-8").splitlines()
        for outcome in tree.outcomes.values():
            for citation in outcome.citations:
                words = citation.quote.split()
                broken = " ".join(words[:1] + words[2:])
                sentence = next((s for s in document.sentences() if citation.anchor in s.anchors
                                 and normalise(citation.quote) in s.text), None)
                if (len(words) >= 5 and sentence and f'quote = "{citation.quote}"' in lines[citation.line - 1]
                        and not any(normalise(broken) in t for t in texts)):
                    return tree, citation, broken, sentence
    raise AssertionError("no tree quotes one sentence with five words or more")


def test_a_changed_quote_fails_the_strict_build_with_file_and_line(tmp_path):
    tree, citation, broken, sentence = a_quote_to_break()
    source = Path(tree.source).relative_to(PROJECT.root) if Path(tree.source).is_absolute() else Path(tree.source)
    result = strict_build(tmp_path, lambda project: replace_line(project / source, citation.line, citation.quote, broken))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{source.as_posix()}:{citation.line}: sitatet står ikke lenger ordrett under «{citation.anchor}»" in output, output[-3000:]
    assert f"Nærmeste setning nå ({sentence.anchors[0]}): «{sentence.text}»" in output, output[-3000:]
    assert "Aborted with 1 warnings in strict mode!" in output and "Traceback" not in output


def test_a_dangling_option_fails_the_build_with_file_and_line(tmp_path):
    tree = next(iter(TREES.values()))
    option = next(iter(tree.questions.values())).options[0]
    source = Path(tree.source).relative_to(PROJECT.root) if Path(tree.source).is_absolute() else Path(tree.source)
    lines = (PROJECT.root / source).read_text(encoding="utf-8").splitlines()
    where = next(n for n in range(option.line, len(lines) + 1) if lines[n - 1].strip() == f'next = "{option.next}"')
    result = strict_build(tmp_path, lambda project: replace_line(project / source, where, f'"{option.next}"',
                                                                 '"finnes-ikke"'))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{source.as_posix()}:{option.line}: «next» = «finnes-ikke» finnes ikke" in output, output[-3000:]
    assert "Traceback" not in output


@pytest.mark.parametrize("slug", SLUGS)
def test_external_sources_in_outcomes_are_labelled_and_come_from_the_data_file(site_dir, slug):
    from guideline import external

    sources = CONTENT.sources
    found = fragments(page(site_dir, slug))
    for o in TREES[slug].outcomes.values():
        body = found[f"node:{o.id}"]
        shown = re.findall(r'data-external-source="([^"]+)"', body)
        assert shown == list(o.external), o.id
        for source_id in o.external:
            assert f'href="{sources[source_id].url}"' in body
        if o.external:
            assert body.count("Ekstern kilde, ikke en del av retningslinjen") == len(o.external)


def test_an_outcome_naming_an_unknown_external_source_is_reported_with_file_and_line():
    from dataclasses import replace

    from tooling import checks

    tree = next(iter(TREES.values()))
    outcome = next(iter(tree.outcomes.values()))
    broken = replace(tree, outcomes={**tree.outcomes, outcome.id: replace(outcome, external=("vegloven",))})
    mutated = replace(CONTENT, catalog=replace(CONTENT.catalog, trees={tree.slug: broken}))
    [problem] = checks.external_sources(mutated)
    assert str(problem).startswith(f"{tree.source}:{outcome.line}: utfallet «{outcome.id}» viser til den eksterne kilden «vegloven»")
    assert checks.external_sources(CONTENT) == []
