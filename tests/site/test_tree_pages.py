"""The built decision-tree pages: readable with no JavaScript, the widget's mount
point and start data, the diagram (whose Mermaid loads only when needed), every path in the table, tree.json
covering every text a view carries, and a broken tree failing the strict build."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from decision_tree import api, registry
from decision_tree.guideline import normalise, parse
from decision_tree.paths import all_paths

from .guideline_source import paragraphs
from .page_text import article_text

ROOT = Path(__file__).resolve().parents[2]
SLUGS = list(registry.trees())


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


@pytest.mark.parametrize("slug", SLUGS)
def test_mount_point_is_empty_and_above_the_outline(site_dir, slug):
    html = page(site_dir, slug)
    mount = f'<div class="beslutningstre-widget" data-tree="{slug}"></div>'
    assert html.count(mount) == 1
    assert html.index(mount) < html.index('class="beslutningstre-outline"') < html.index('class="beslutningstre-diagram"')


@pytest.mark.parametrize("slug", SLUGS)
def test_outline_reads_without_javascript(site_dir, slug):
    tree = registry.get(slug)
    text = article_text(page(site_dir, slug))
    for q in tree.questions.values():
        assert normalise(q.text) in text
        for option in q.options:
            assert normalise(option.label) in text
    for o in tree.outcomes.values():
        assert normalise(o.title) in text
        for citation in o.citations:
            assert f"«{normalise(citation.quote)}»" in text
    assert "Hvor sikkert:" in text


@pytest.mark.parametrize("slug", SLUGS)
def test_citation_links_point_at_existing_guideline_anchors(site_dir, slug, guideline):
    html = page(site_dir, slug)
    links = re.findall(r'href="\.\./\.\./retningslinje/#([^"]+)"', html)
    cited = {c.anchor for o in registry.get(slug).outcomes.values() for c in o.citations}
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
    table = html[html.index('class="beslutningstre-paths'):]
    table = table[: table.index("</table>")]
    assert table.count("<tr>") - 1 == len(all_paths(registry.get(slug)))  # minus the header row
    assert f"Alle {len(all_paths(registry.get(slug)))} veier" in table


@pytest.mark.parametrize("slug", SLUGS)
def test_mermaid_diagram_source_and_its_self_hosted_script(site_dir, slug):
    html = page(site_dir, slug)
    box = re.search(r'<div class="beslutningstre-diagram" data-mermaid="([^"]+)">(.*?)</div>', html, re.S)
    diagram = re.search(r'<pre class="beslutningstre-diagram__kilde" hidden>(.*?)</pre>', box.group(2), re.S)
    source = unescape(diagram.group(1))
    assert source.startswith("flowchart TD") and "accTitle:" in source
    edges = sum(len(q.options) for q in registry.get(slug).questions.values())
    assert source.count("-->") == edges
    # Mermaid is not a script of the page: beslutningstre-diagram.js loads it when the diagram is near.
    scripts = [a["src"] for tag, a in elements(html) if tag == "script" and "src" in a]
    assert not [s for s in scripts if "mermaid" in s]
    assert box.group(1) == "../../assets/vendor/mermaid/mermaid.min.js"
    assert (site_dir / "beslutningstre" / slug / box.group(1)).resolve().stat().st_size > 1_000_000


def test_mermaid_is_loaded_only_on_tree_pages(site_dir):
    for other in ("index.html", "retningslinje/index.html", "faq/index.html", "beslutningstre/index.html"):
        assert "mermaid.min.js" not in (site_dir / other).read_text(encoding="utf-8"), other


@pytest.mark.parametrize("slug", SLUGS)
def test_tree_json_has_html_for_every_text_a_view_carries(site_dir, slug):
    data = json.loads((site_dir / "beslutningstre" / slug / "tree.json").read_text(encoding="utf-8"))
    assert data["tree"] == slug and data["format"] == 1
    assert data["start_view"] == api.start(slug)
    assert data["guideline"]["version"] == "0.01" and data["guideline"]["valid_from"] == "19.02.2026"
    assert data["extra"]["skjema_url"] and data["extra"]["pou_url"]
    nodes = data["nodes"]
    # Walk every path: each question, option, field and outcome a view shows has its HTML by id.
    for path in all_paths(registry.get(slug)):
        view = api.start(slug)
        for step in path.steps:
            q = view["question"]
            node = nodes[q["id"]]
            assert node["type"] == "question" and node["kind"] == q["kind"] and node["text"]
            assert [o["id"] for o in node["options"]] == [o["id"] for o in q["options"]] or q["kind"] == "number"
            assert [f["id"] for f in node["fields"]] == [f["id"] for f in q["fields"]]
            view = api.answer(slug, view["state"], q["id"], step.raw_answer())
        o = view["outcome"]
        node = nodes[o["id"]]
        assert node["type"] == "outcome" and node["title"] and node["text"]
        assert [c["anchor"] for c in node["citations"]] == [c["anchor"] for c in o["citations"]]
        assert len(node["next_steps"]) == len(o["next_steps"])
        assert all(data["steps"][sid] for sid in o["next_step_ids"])
    blob = json.dumps(nodes)
    assert "extra:" not in blob and "<script" not in blob
    assert data["extra"]["skjema_url"] in json.dumps(data["steps"])


@pytest.mark.parametrize("slug", SLUGS)
def test_start_data_is_embedded_in_the_page(site_dir, slug):
    html = page(site_dir, slug)
    [(_, attrs)] = [(t, a) for t, a in elements(html) if "beslutningstre-data" in a.get("class", "")]
    assert attrs["data-tree"] == slug and "hidden" in attrs
    embedded = json.loads(attrs["data-json"])
    on_disk = json.loads((site_dir / "beslutningstre" / slug / "tree.json").read_text(encoding="utf-8"))
    assert embedded == on_disk
    assert embedded["start_view"]["question"]["id"] == registry.get(slug).start


def test_landing_page_lists_every_tree_and_sits_in_the_nav(site_dir):
    html = (site_dir / "beslutningstre" / "index.html").read_text(encoding="utf-8")
    for slug, tree in registry.trees().items():
        assert f'href="{slug}/"' in html
        assert tree.title in unescape(html)
    home = unescape((site_dir / "index.html").read_text(encoding="utf-8"))
    nav = home[home.index('md-nav--primary'):]
    order = [nav.index(label) for label in ("Spørsmål og svar", "Beslutningstrær", "Om nettstedet")]
    assert order == sorted(order)


# --- A broken tree fails `mkdocs build --strict` with file:line messages ------------------------


def strict_build(tmp_path: Path, change: callable) -> subprocess.CompletedProcess:
    project = tmp_path / "project"
    for name in ("docs", "overrides", "hooks", "decision_tree"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for shared in ("node_modules", ".cache", "tools"):  # read-only here; link, don't copy
        if (ROOT / shared).exists():
            (project / shared).symlink_to(ROOT / shared)
    change(project / "decision_tree" / "trees")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def edit(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return next(n for n, line in enumerate(text.replace(old, new, 1).splitlines(), 1) if new.splitlines()[0] in line)


def test_a_changed_quote_fails_the_strict_build_with_file_and_line(tmp_path):
    line = {}

    def change(trees):
        line["n"] = edit(trees / "reise.toml", 'quote = "Det gis i utgangspunktet ingen ekstra kompensasjon',
                         'quote = "Det gis ingen ekstra kompensasjon')

    result = strict_build(tmp_path, change)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(rf"decision_tree/trees/reise\.toml:{line['n']}: sitatet står ikke ordrett", output), output[-3000:]


def test_a_dangling_option_fails_the_build_with_file_and_line(tmp_path):
    line = {}

    def change(trees):
        line["n"] = edit(trees / "utstyr.toml", 'next = "annet-utstyr"', 'next = "kontorstol"') - 2

    result = strict_build(tmp_path, change)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"decision_tree/trees/utstyr.toml:{line['n']}: «next» = «kontorstol» finnes ikke" in output, output[-3000:]


def test_every_quote_is_in_the_county_source_text():
    # Independent of our own page: the delivered text itself, page furniture removed.
    text = " ".join(paragraphs())
    for tree in registry.trees().values():
        for outcome in tree.outcomes.values():
            for citation in outcome.citations:
                assert normalise(citation.quote) in text, f"{tree.source}:{citation.line}"
