"""Build-time pages and data for the decision trees (called from hooks/build_glue.py).

For each tree in decision_tree/trees/ this renders `beslutningstre/<slug>/`:
the widget's mount point, the whole tree as an outline, a Mermaid diagram and a
table of every path; all of it readable with JavaScript off. It also writes the
JSON the widget starts from (`beslutningstre/<slug>/tree.json`, also embedded
in the page) and fills the tree list on the landing page.

Tree texts are Markdown rendered with markdown-it-py (`js-default`: no raw
HTML). This module may import MkDocs and markdown-it; the engine never does.
"""

from __future__ import annotations

import html
import json
import logging
import re
import sys
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt
from mkdocs.exceptions import PluginError

# The engine lives at the repository root, which MkDocs does not put on sys.path.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from decision_tree import api, numbers  # noqa: E402
from decision_tree.model import Common, Outcome, Question, Tree  # noqa: E402
from decision_tree.paths import all_paths  # noqa: E402
from decision_tree.receipt import anchor_label  # noqa: E402
from decision_tree.state import fingerprint  # noqa: E402

log = logging.getLogger("mkdocs.plugins.beslutningstre")

SECTION = "beslutningstre"
TREE_LIST_MARKER = "<!-- beslutningstre:liste -->"
MERMAID_SOURCE = Path("node_modules/mermaid/dist/mermaid.min.js")
MERMAID_TARGET = "assets/vendor/mermaid/mermaid.min.js"
JSON_FORMAT = 1

_markdown = MarkdownIt("js-default")
_HEADING = re.compile(r"^#+\s+(.*?)\s*\{\s*#([A-Za-z0-9_-]+)\s*\}\s*$")
_ID_ATTR = re.compile(r"""\{:?\s*#([A-Za-z0-9_-]+)\s*\}|\bid="([A-Za-z0-9_-]+)\"""")

Fill = Callable[[str], str]  # fills (extra:name) link targets


def page_uri(slug: str) -> str:
    return f"{SECTION}/{slug}.md"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


class Renderer:
    """Renders one tree's texts to HTML, with links filled in and made relative."""

    def __init__(self, fill: Fill, guideline_href: str, anchor_labels: dict[str, str]):
        self.fill = fill
        self.guideline_href = guideline_href  # e.g. "../../retningslinje/"
        self.anchor_labels = anchor_labels

    def block(self, markdown: str) -> str:
        return _markdown.render(self.fill(markdown)).strip() if markdown else ""

    def inline(self, markdown: str) -> str:
        return _markdown.renderInline(self.fill(markdown)) if markdown else ""

    def href(self, anchor: str) -> str:
        return f"{self.guideline_href}#{anchor}"

    def label(self, anchor: str) -> str:
        return self.anchor_labels.get(anchor) or anchor_label(anchor)


def anchor_labels(guideline_markdown: str) -> dict[str, str]:
    """Anchor id -> a readable place name: "Punkt 8 b", "Hva betyr kortvarig"."""
    labels: dict[str, str] = {}
    heading = ""
    for line in guideline_markdown.splitlines():
        found = _HEADING.match(line)
        if found:
            heading = found.group(1).rstrip(":").strip()
            heading = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
            labels[found.group(2)] = heading
            continue
        for match in _ID_ATTR.finditer(line):
            anchor = match.group(1) or match.group(2)
            labels.setdefault(anchor, heading)
    for anchor in labels:
        if re.match(r"^punkt-\d+[a-z]?$", anchor):
            labels[anchor] = anchor_label(anchor).capitalize()
    return labels


# --- JSON for the widget -------------------------------------------------------------------------


def tree_json(tree: Tree, common: Common, r: Renderer, extra: dict) -> dict:
    """Everything the widget shows, as HTML keyed by node id, plus the start view.

    For a view field X of node N (question text, option label, outcome title...),
    the HTML is `nodes[N][X]`; option and field HTML sit in lists by id.
    """
    nodes: dict[str, dict] = {}
    for q in tree.questions.values():
        nodes[q.id] = {
            "type": "question",
            "kind": q.kind,
            "text": r.block(q.text),
            "text_inline": r.inline(q.text),
            "hint": r.block(q.hint),
            "options": [{"id": o.id, "label": r.inline(o.label)} for o in q.options],
            "fields": [
                {"id": f.id, "label": r.inline(f.label), "unit": esc(f.unit), "unit_one": esc(f.unit_one or f.unit)}
                for f in q.fields
            ],
        }
    for o in tree.outcomes.values():
        certainty = common.certainties[o.certainty]
        nodes[o.id] = {
            "type": "outcome",
            "title": r.inline(o.title),
            "text": r.block(o.text),
            "certainty": o.certainty,
            "certainty_label": esc(certainty.label),
            "certainty_description": esc(certainty.description),
            "citations": [
                {"anchor": c.anchor, "quote": esc(c.quote), "href": r.href(c.anchor), "label": esc(r.label(c.anchor))}
                for c in o.citations
            ],
            "next_steps": [r.block(common.steps[s]) for s in o.next_steps],
        }
    return {
        "format": JSON_FORMAT,
        "tree": tree.slug,
        "title": esc(tree.title),
        "description": r.inline(tree.description),
        "fingerprint": fingerprint(tree),
        "start": tree.start,
        "guideline": {
            "title": common.guideline.title,
            "version": common.guideline.version,
            "valid_from": common.guideline.valid_from,
            "href": r.guideline_href,
        },
        "certainties": {c.id: {"label": c.label, "description": c.description} for c in common.certainties.values()},
        "steps": {sid: r.block(text) for sid, text in common.steps.items()},
        "extra": {k: v for k, v in extra.items() if isinstance(v, str)},
        "nodes": nodes,
        "start_view": api.start(tree.slug),
    }


# --- The static page ------------------------------------------------------------------------------


def _node_ref(tree: Tree, node_id: str, numbering: dict[str, int]) -> str:
    node = tree.node(node_id)
    if isinstance(node, Question):
        return f'<a href="#tre-{esc(node.id)}">Spørsmål {numbering[node.id]}: {esc(node.text)}</a>'
    return f'<a href="#tre-{esc(node.id)}">Svar: {esc(node.title)}</a>'


def _numbering(tree: Tree) -> dict[str, int]:
    """Questions numbered in the order the tree file lists them (the author's order)."""
    order = [tree.start] + [q for q in tree.questions if q != tree.start]
    return {node_id: n for n, node_id in enumerate(order, start=1)}


def _question_html(tree: Tree, q: Question, r: Renderer, numbering: dict[str, int]) -> str:
    parts = [f'<section class="beslutningstre-node" aria-labelledby="tre-{esc(q.id)}">',
             f'<h3 id="tre-{esc(q.id)}">Spørsmål {numbering[q.id]}: {r.inline(q.text)}</h3>']
    if q.hint:
        parts.append(f'<div class="beslutningstre-hint">{r.block(q.hint)}</div>')
    if q.kind == "number":
        fields = ", ".join(f"«{r.inline(f.label)}»" for f in q.fields)
        parts.append(f"<p>Du skriver inn tall: {fields}.</p>")
    parts.append('<ul class="beslutningstre-options">')
    for o in q.options:
        extra = ""
        if q.kind == "number":
            example = numbers.describe(q, numbers.example(q, o))
            extra = f' <span class="beslutningstre-example">(for eksempel {esc(example)})</span>'
        parts.append(f"<li>{r.inline(o.label)}{extra} <span aria-hidden='true'>→</span> {_node_ref(tree, o.next, numbering)}</li>")
    parts.append("</ul></section>")
    return "\n".join(parts)


def _outcome_html(o: Outcome, common: Common, r: Renderer) -> str:
    certainty = common.certainties[o.certainty]
    parts = [
        f'<section class="beslutningstre-node beslutningstre-outcome" aria-labelledby="tre-{esc(o.id)}">',
        f'<h3 id="tre-{esc(o.id)}">Svar: {r.inline(o.title)}</h3>',
        f'<p class="beslutningstre-certainty" data-certainty="{esc(o.certainty)}">'
        f"<strong>Hvor sikkert:</strong> {esc(certainty.label)}</p>",
        r.block(o.text),
        '<p class="beslutningstre-citations-title"><strong>Dette står i retningslinjen:</strong></p>',
    ]
    for c in o.citations:
        parts.append(
            f'<blockquote class="beslutningstre-citation" cite="{esc(r.href(c.anchor))}"><p>«{esc(c.quote)}»</p>'
            f'<p class="beslutningstre-source">– <a href="{esc(r.href(c.anchor))}">Retningslinjen, {esc(r.label(c.anchor))}</a></p>'
            "</blockquote>"
        )
    if o.next_steps:
        parts.append('<p class="beslutningstre-steps-title"><strong>Neste steg:</strong></p><ul class="beslutningstre-steps">')
        parts.extend(f"<li>{r.inline(common.steps[s])}</li>" for s in o.next_steps)
        parts.append("</ul>")
    parts.append("</section>")
    return "\n".join(p for p in parts if p)


def outline_html(tree: Tree, common: Common, r: Renderer) -> str:
    numbering = _numbering(tree)
    questions = sorted(tree.questions.values(), key=lambda q: numbering[q.id])
    body = [_question_html(tree, q, r, numbering) for q in questions]
    body += [_outcome_html(o, common, r) for o in tree.outcomes.values()]
    return '<div class="beslutningstre-outline">\n' + "\n".join(body) + "\n</div>"


def _mermaid_label(text: str) -> str:
    # Mermaid reads the <pre>'s text; quotes inside a "..." label are written #quot;
    return text.replace('"', "#quot;").replace("\n", " ")


def mermaid_source(tree: Tree) -> str:
    names = {node_id: f"n{i}" for i, node_id in enumerate([*tree.questions, *tree.outcomes])}
    numbering = _numbering(tree)
    lines = [
        "flowchart TD",
        f"  accTitle: Diagram over beslutningstreet «{_mermaid_label(tree.title)}»",
        "  accDescr: Det samme som oversikten over: spørsmålene, svaralternativene og svarene de leder til.",
    ]
    for q in tree.questions.values():
        lines.append(f'  {names[q.id]}["{numbering.get(q.id, "")}. {_mermaid_label(q.text)}"]')
    for o in tree.outcomes.values():
        lines.append(f'  {names[o.id]}(["{_mermaid_label(o.title)}"])')
    for q in tree.questions.values():
        for o in q.options:
            lines.append(f'  {names[q.id]} -->|"{_mermaid_label(o.label)}"| {names[o.next]}')
    lines.append("  classDef outcome stroke-width:3px")
    lines.append("  class " + ",".join(names[o] for o in tree.outcomes) + " outcome")
    return "\n".join(lines)


def paths_table_html(tree: Tree, common: Common, r: Renderer) -> str:
    rows = []
    for n, path in enumerate(all_paths(tree), start=1):
        steps = []
        for s in path.steps:
            answer = r.inline(s.option.label)
            if s.question.kind == "number":
                example = numbers.describe(s.question, numbers.example(s.question, s.option))
                answer += f' <span class="beslutningstre-example">(for eksempel {esc(example)})</span>'
            steps.append(f"<li>{r.inline(s.question.text)} <strong>{answer}</strong></li>")
        o = path.outcome
        rows.append(
            f"<tr><td>{n}</td><td><ol>{''.join(steps)}</ol></td>"
            f'<td><a href="#tre-{esc(o.id)}">{r.inline(o.title)}</a></td>'
            f"<td>{esc(common.certainties[o.certainty].label)}</td></tr>"
        )
    return (
        '<div class="beslutningstre-paths md-typeset__scrollwrap"><div class="md-typeset__table"><table>\n'
        f"<caption>Alle {len(rows)} veier gjennom treet</caption>\n"
        '<thead><tr><th scope="col">Vei</th><th scope="col">Svarene underveis</th>'
        '<th scope="col">Svar</th><th scope="col">Hvor sikkert</th></tr></thead>\n'
        "<tbody>\n" + "\n".join(rows) + "\n</tbody></table></div></div>"
    )


def page_markdown(tree: Tree, common: Common, r: Renderer, data: dict, mermaid_href: str) -> str:
    """The generated page: Markdown headings (for the table of contents) around raw HTML."""
    payload = esc(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return "\n".join(
        [
            "---",
            f"title: {json.dumps(tree.title, ensure_ascii=False)}",
            f"description: {json.dumps(tree.description, ensure_ascii=False)}",
            "---",
            "",
            f"# {tree.title} {{ #beslutningstre }}",
            "",
            f'<p class="beslutningstre-intro">{r.inline(tree.description)}</p>',
            "",
            "<!-- The interactive widget mounts here (overrides/assets/javascripts/); the data below starts it. -->",
            f'<div class="beslutningstre-widget" data-tree="{esc(tree.slug)}"></div>',
            "",
            f'<div class="beslutningstre-data" data-tree="{esc(tree.slug)}" data-json="{payload}" hidden></div>',
            "",
            "## Hele treet { #hele-treet }",
            "",
            "Her er alle spørsmålene og svarene i treet. Følg lenkene for å gå videre.",
            "",
            outline_html(tree, common, r),
            "",
            "## Diagram { #diagram }",
            "",
            "Diagrammet viser det samme som oversikten over.",
            "",
            # Drawn by beslutningstre-diagram.js, which loads Mermaid only when the reader gets near.
            f'<div class="beslutningstre-diagram" data-mermaid="{esc(mermaid_href)}">',
            '<p class="beslutningstre-diagram__status">Diagrammet vises når JavaScript er slått på.</p>',
            f'<pre class="beslutningstre-diagram__kilde" hidden>{esc(mermaid_source(tree))}</pre>',
            "</div>",
            "",
            "## Alle veier { #alle-veier }",
            "",
            paths_table_html(tree, common, r),
            "",
            f"*Bygger på {common.guideline.title}, versjon {common.guideline.version}, "
            f"gjelder fra {common.guideline.valid_from}.*",
            "",
        ]
    )


def tree_list_markdown(trees: list[Tree]) -> str:
    """The landing page's list: one entry per tree, linking to its page."""
    items = []
    for t in trees:
        items.append(f"- **[{t.title}]({t.slug}.md)**\n\n    {t.description}\n")
    return "\n".join(items)


# --- MkDocs events (called from hooks/build_glue.py) -------------------------------------------


class TreeBuild:
    """The decision trees' part of the build; one instance per MkDocs run."""

    def __init__(self, fill_extra_links: Callable[[str, dict, str], str]):
        self.fill_extra_links = fill_extra_links
        self.trees: dict[str, Tree] = {}
        self.common: Common | None = None
        self.guideline_html: str | None = None

    def load(self) -> None:
        """Load and graph-check every tree; a broken one stops the build with file:line messages."""
        from decision_tree import registry
        from decision_tree.check import check_all
        from decision_tree.load import load_common

        registry.trees.cache_clear()  # `mkdocs serve` rebuilds in one process: reread edited trees
        registry.common.cache_clear()
        trees, problems = check_all()
        if problems:
            raise PluginError("Beslutningstrærne har feil:\n" + "\n".join(str(p) for p in problems))
        self.common = load_common()
        self.trees = dict(sorted(trees.items(), key=lambda kv: (kv[1].order, kv[0])))

    def on_config(self, config) -> None:
        """Expand the nav entry for the landing page into a section with every tree."""
        self.load()
        landing = f"{SECTION}/index.md"
        for index, entry in enumerate(config.nav or []):
            if isinstance(entry, dict) and list(entry.values()) == [landing]:
                title = next(iter(entry))
                config.nav[index] = {title: [landing, *({t.title: page_uri(t.slug)} for t in self.trees.values())]}
                return
        if config.nav:
            log.warning(f"Fant ikke «- Tittel: {landing}» i nav i mkdocs.yml; trærne kommer ikke med i menyen")

    def on_files(self, files, config) -> None:
        from mkdocs.structure.files import File
        from mkdocs.utils import get_relative_url

        guideline_file = files.get_file_from_path(f"{self.common.guideline.page}.md")
        if guideline_file is None:
            raise PluginError(f"Fant ikke {self.common.guideline.page}.md, som sitatene i beslutningstrærne viser til")
        labels = anchor_labels(Path(guideline_file.abs_src_path).read_text(encoding="utf-8"))
        extra = dict(config.extra)
        for tree in self.trees.values():
            page = File.generated(config, page_uri(tree.slug), content="")  # its URL decides relative links

            def fill(markdown: str, where: str = tree.source) -> str:
                return self.fill_extra_links(markdown, extra, where)

            r = Renderer(fill, get_relative_url(guideline_file.url, page.url), labels)
            data = tree_json(tree, self.common, r, extra)
            mermaid_href = get_relative_url(MERMAID_TARGET, page.url)
            page.content_string = page_markdown(tree, self.common, r, data, mermaid_href)
            files.append(page)
            json_uri = f"{SECTION}/{tree.slug}/tree.json"
            files.append(File.generated(config, json_uri, content=json.dumps(data, ensure_ascii=False, indent=1)))
        mermaid = Path(config.config_file_path).parent / MERMAID_SOURCE
        if not mermaid.exists():
            raise PluginError(f"Fant ikke {MERMAID_SOURCE}; kjør «npm ci» (make setup)")
        files.append(File.generated(config, MERMAID_TARGET, abs_src_path=str(mermaid)))
        return files

    def on_page_markdown(self, markdown: str, page) -> str:
        if page.file.src_uri == f"{SECTION}/index.md" and TREE_LIST_MARKER in markdown:
            return markdown.replace(TREE_LIST_MARKER, tree_list_markdown(list(self.trees.values())))
        return markdown

    def on_post_page(self, output: str, page) -> None:
        if page.file.src_uri == f"{self.common.guideline.page}.md":
            self.guideline_html = output

    def on_post_build(self, config) -> None:
        """Check every citation against the built guideline; each problem is a warning (fails --strict)."""
        from decision_tree.check import check_citations, check_common
        from decision_tree.guideline import parse

        html_text = self.guideline_html
        if html_text is None:
            built = Path(config.site_dir) / self.common.guideline.page / "index.html"
            html_text = built.read_text(encoding="utf-8") if built.exists() else ""
        guideline = parse(html_text)
        problems = check_common(self.common, guideline)
        for tree in self.trees.values():
            problems.extend(check_citations(tree, guideline))
        for problem in problems:
            log.warning(str(problem))
