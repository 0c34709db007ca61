"""MkDocs hook: a page per decision tree, and the tree list where a page asks for it.

Data and events only: every piece of markup and text comes from the templates
in overrides/partials/beslutningstre/ (rendered in the theme's Jinja environment),
and every tree comes from decision_tree.registry. A broken tree fails the build
with file:line messages; quotes are checked with the guideline's
(hooks/guideline_pages.py).
"""

from __future__ import annotations

import logging
import posixpath
import re
import sys
from pathlib import Path

from markdown_it import MarkdownIt
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

# The engine lives at the repository root, which MkDocs does not put on sys.path.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import external_sources  # noqa: E402  (hooks/external_sources.py: renders a source with its label)
import extra_links  # noqa: E402  (hooks/extra_links.py: `(extra:name)` link targets)
import prebuilt_views  # noqa: E402  (hooks/prebuilt_views.py: the engine's replies to clicks, for the widget)
from decision_tree import api, numbers, registry  # noqa: E402
from decision_tree.problems import TreeError  # noqa: E402
from decision_tree.paths import all_paths  # noqa: E402
from decision_tree.receipt import ANSWER_TEMPLATE, TEMPLATE as RECEIPT, anchor_label, environment  # noqa: E402
from guideline import external, versions  # noqa: E402

log = logging.getLogger("mkdocs.plugins.beslutningstre")

SECTION = "beslutningstre"
TEMPLATES = "partials/beslutningstre"
TREE_LIST_MARKER = "<!-- beslutningstre:liste -->"
MERMAID_SOURCE = Path("node_modules/mermaid/dist/mermaid.min.js")
MERMAID_TARGET = "assets/vendor/mermaid/mermaid.min.js"
_SLOT = re.compile(r"\x00slot:([a-z0-9-]+)\x00")
_markdown = MarkdownIt("js-default")  # no raw HTML from tree files

class Slot:
    """A value the widget fills in: rendered as a marker, turned into <span data-slot> after escaping."""

    def __init__(self, name: str):
        self.name = name

    def __str__(self) -> str:
        return f"\x00slot:{self.name}\x00"


def _slots(text: str) -> Markup:
    return Markup(_SLOT.sub(r'<span data-slot="\1"></span>', str(escape(text))))


def _environment(config, where: str):
    """The theme's Jinja environment with the filters tree texts need: Markdown, plain text."""
    import jinja2

    extra = dict(config.extra)
    env = config.theme.get_env()
    env.autoescape = jinja2.select_autoescape(["html", "md"])

    def fill(markdown: str) -> str:
        return extra_links.fill(markdown, extra, where)

    env.filters["md"] = lambda text: Markup(_markdown.render(fill(text)).strip()) if text else ""
    env.filters["md_inline"] = lambda text: Markup(_markdown.renderInline(fill(text))) if text else ""
    receipt_env = environment(extra, env.loader)
    env.filters["plain"] = receipt_env.filters["plain"]
    return env, receipt_env


def _numbering(tree) -> dict[str, int]:
    """Questions numbered in the order the tree file lists them (the author's order), start first."""
    order = [tree.start] + [q for q in tree.questions if q != tree.start]
    return {node_id: n for n, node_id in enumerate(order, start=1)}


def page_context(tree, config, page_url: str, guideline_url: str, labels: dict[str, str], sources: dict) -> dict:
    """Everything the templates of one tree page get."""
    env, receipt_env = _environment(config, tree.source)
    common = registry.common()
    numbering = _numbering(tree)
    receipt = receipt_env.get_template(RECEIPT)

    def label(anchor: str) -> str:
        return labels.get(anchor) or anchor_label(anchor)

    def receipt_for(outcome) -> Markup:
        return _slots(receipt.render(tree=tree, common=common, guideline=common.guideline, outcome=outcome,
                                     answers=Slot("answers"), link=Slot("link"),
                                     # The widget writes in the citation's own link, resolved where the page is served.
                                     guideline_url=lambda anchor: Slot(f"href-{anchor}"), anchor_label=label))

    context = {
        "tree": tree, "common": common, "guideline": common.guideline,
        "start_view": api.view(tree.slug, ""),
        "prebuilt_views": prebuilt_views.attribute(tree),
        "questions": sorted(tree.questions.values(), key=lambda q: numbering[q.id]), "numbering": numbering,
        "paths": all_paths(tree),
        "node_names": {node_id: f"n{i}" for i, node_id in enumerate([*tree.questions, *tree.outcomes])},
        "example": lambda q, o: numbers.describe(q, numbers.example(q, o)),
        "guideline_href": lambda anchor: f"{get_relative_url(guideline_url, page_url)}#{anchor}",
        "anchor_label": label,
        "receipt": receipt_for,
        "receipt_answer": lambda: _slots(receipt_env.get_template(ANSWER_TEMPLATE).render(
            n=Slot("n"), question=Slot("question"), answer=Slot("answer"))),
        "mermaid_href": get_relative_url(MERMAID_TARGET, page_url),
        # An external source by id (kilde/eksterne-kilder.toml), through its one partial.
        "external_source": lambda source_id: external_sources.render(env, sources[source_id]),
    }
    context["mermaid_source"] = env.get_template(f"{TEMPLATES}/diagram.mmd").render(context)
    return env, context


# --- MkDocs events --------------------------------------------------------------------------------


def on_config(config):
    """Load and check every tree (file:line on failure); put each tree's page in the nav."""
    registry.reload()  # `mkdocs serve` rebuilds in one process: read edited trees again
    try:
        trees = registry.trees()  # loaded and checked once, for the whole build
    except TreeError as exc:
        raise PluginError("Beslutningstrærne har feil:\n" + "\n".join(str(p) for p in exc.problems)) from None
    landing = f"{SECTION}/index.md"
    for index, entry in enumerate(config.nav or []):
        if isinstance(entry, dict) and list(entry.values()) == [landing]:
            title = next(iter(entry))
            config.nav[index] = {title: [landing, *({t.title: f"{SECTION}/{t.slug}.md"} for t in trees.values())]}
            return config
    if config.nav:
        log.warning(f"Fant ikke «- Tittel: {landing}» i nav i mkdocs.yml; trærne kommer ikke med i menyen")
    return config


def on_files(files, config):
    """Generate each tree's page from partials/beslutningstre/page.md, and ship Mermaid for its diagram."""
    page = registry.common().guideline.page
    guideline = files.get_file_from_path(f"{page}.md")
    if guideline is None:
        raise PluginError(f"Fant ikke {page}.md, som sitatene i beslutningstrærne viser til")
    # Citations name the place they quote as the guideline's newest version does ("Punkt 8 b").
    labels = versions.load(registry.KILDE)[-1].document.labels()
    sources = external.load()  # read once: outcomes name sources by id
    for tree in registry.trees().values():
        file = File.generated(config, f"{SECTION}/{tree.slug}.md", content="")  # its URL decides relative links
        env, context = page_context(tree, config, file.url, guideline.url, labels, sources)
        file.content_string = env.get_template(f"{TEMPLATES}/page.md").render(context)
        files.append(file)
    mermaid = Path(config.config_file_path).parent / MERMAID_SOURCE
    if not mermaid.exists():
        raise PluginError(f"Fant ikke {MERMAID_SOURCE}; kjør «npm ci» (make setup)")
    files.append(File.generated(config, MERMAID_TARGET, abs_src_path=str(mermaid)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    """The tree list, where a page asks for it."""
    if TREE_LIST_MARKER not in markdown:
        return markdown
    env, _ = _environment(config, page.file.src_uri)
    # Markdown links are relative to the page's own file; MkDocs checks them.
    here = posixpath.dirname(page.file.src_uri) or "."
    links = {slug: posixpath.relpath(f"{SECTION}/{slug}.md", here) for slug in registry.trees()}
    listing = env.get_template(f"{TEMPLATES}/list.md").render(trees=registry.trees().values(), links=links)
    return markdown.replace(TREE_LIST_MARKER, listing)
