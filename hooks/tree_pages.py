"""MkDocs hook: a page per decision tree, and the tree list where a page asks for it.

Data and events only: every piece of markup and text comes from the templates
in overrides/partials/tree/ (rendered in the theme's Jinja environment),
and every tree from the content read once per build (tooling/build.py). A broken tree fails the build
with file:line messages; quotes are checked with the guideline's
(hooks/guideline_pages.py).
"""

from __future__ import annotations

import logging
import posixpath
import re

from markupsafe import Markup, escape
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from decision_tree import api, numbers
from tooling import build, prebuilt_views, receipt
from tooling.paths import all_paths
from tooling.project import Project
from tooling.registry import Content

log = logging.getLogger("mkdocs.plugins.beslutningstre")

SECTION = "beslutningstre"
TEMPLATES = "partials/tree"
TREE_LIST_MARKER = "<!-- beslutningstre:liste -->"
MERMAID_SOURCE = "mermaid/dist/mermaid.min.js"  # in node_modules/
MERMAID_TARGET = "assets/vendor/mermaid/mermaid.min.js"
_SLOT = re.compile(r"\x00slot:([a-z0-9-]+)\x00")

class Slot:
    """A value the widget fills in: rendered as a marker, turned into <span data-slot> after escaping."""

    def __init__(self, name: str):
        self.name = name

    def __str__(self) -> str:
        return f"\x00slot:{self.name}\x00"


def _slots(text: str) -> Markup:
    return Markup(_SLOT.sub(r'<span data-slot="\1"></span>', str(escape(text))))


def _numbering(tree) -> dict[str, int]:
    """Questions numbered in the order the tree file lists them (the author's order), start first."""
    order = [tree.start] + [q for q in tree.questions if q != tree.start]
    return {node_id: n for n, node_id in enumerate(order, start=1)}


def page_context(tree, config, page_url: str, guideline_url: str, content: Content) -> tuple:
    """Everything the templates of one tree page get."""
    env = build.environment(config, tree.source)
    # The receipt is plain text, rendered as the CLI renders it (tooling/receipt.py).
    receipt_env = receipt.environment(dict(config.extra), env.loader)
    common, guideline = content.catalog.common, content.catalog.guideline
    numbering = _numbering(tree)
    template = receipt_env.get_template(receipt.TEMPLATE)
    labels = content.labels()

    def label(anchor: str) -> str:
        return labels.get(anchor, anchor)

    def receipt_for(outcome) -> Markup:
        return _slots(template.render(tree=tree, common=common, guideline=guideline, outcome=outcome,
                                      answers=Slot("answers"), link=Slot("link"),
                                      # The widget writes in the citation's own link, resolved where the page is served.
                                      guideline_url=lambda anchor: Slot(f"href-{anchor}"), anchor_label=label))

    external_source = env.filters["external_source"]
    context = {
        "tree": tree, "common": common, "guideline": guideline,
        "start_view": api.view(tree.slug, ""),
        "prebuilt_views": prebuilt_views.attribute(tree),
        "questions": sorted(tree.questions.values(), key=lambda q: numbering[q.id]), "numbering": numbering,
        "paths": all_paths(tree),
        "node_names": {node_id: f"n{i}" for i, node_id in enumerate([*tree.questions, *tree.outcomes])},
        "example": lambda q, o: numbers.describe(q, numbers.example(q, o)),
        "guideline_href": lambda anchor: f"{get_relative_url(guideline_url, page_url)}#{anchor}",
        "anchor_label": label,
        "receipt": receipt_for,
        "receipt_answer": lambda: _slots(receipt_env.get_template(receipt.ANSWER_TEMPLATE).render(
            n=Slot("n"), question=Slot("question"), answer=Slot("answer"))),
        "mermaid_href": get_relative_url(MERMAID_TARGET, page_url),
        # An external source by id (kilde/eksterne-kilder.toml), through its one partial.
        "external_source": lambda source_id: external_source(content.sources[source_id]),
    }
    context["mermaid_source"] = env.get_template(f"{TEMPLATES}/diagram.mmd").render(context)
    return env, context


# --- MkDocs events --------------------------------------------------------------------------------


def on_config(config):
    """Load and check every tree (file:line on failure); put each tree's page in the nav."""
    trees = build.content(config).trees  # loaded and checked once, for the whole build
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
    """Generate each tree's page from partials/tree/page.md, and ship Mermaid for its diagram."""
    content = build.content(config)
    page = content.catalog.guideline.page
    guideline = files.get_file_from_path(f"{page}.md")
    if guideline is None:
        raise build.fail(f"Fant ikke {page}.md, som sitatene i beslutningstrærne viser til")
    for tree in content.trees.values():
        file = File.generated(config, f"{SECTION}/{tree.slug}.md", content="")  # its URL decides relative links
        env, context = page_context(tree, config, file.url, guideline.url, content)
        file.content_string = env.get_template(f"{TEMPLATES}/page.md").render(context)
        files.append(file)
    mermaid = Project.of_config(config).node_modules / MERMAID_SOURCE
    if not mermaid.exists():
        raise build.fail(f"Fant ikke node_modules/{MERMAID_SOURCE}; kjør «npm ci» (make setup)")
    files.append(File.generated(config, MERMAID_TARGET, abs_src_path=str(mermaid)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    """The tree list, where a page asks for it."""
    if TREE_LIST_MARKER not in markdown:
        return markdown
    env = build.environment(config, page.file.src_uri)
    trees = build.content(config).trees
    # Markdown links are relative to the page's own file; MkDocs checks them.
    here = posixpath.dirname(page.file.src_uri) or "."
    links = {slug: posixpath.relpath(f"{SECTION}/{slug}.md", here) for slug in trees}
    listing = env.get_template(f"{TEMPLATES}/list.md").render(trees=trees.values(), links=links)
    return markdown.replace(TREE_LIST_MARKER, listing)
