"""MkDocs hook: links to external sources (laws, regulations), written `[text](ekstern:id)` in Markdown.

Their addresses live in one file, kilde/eksterne-kilder.toml (read by guideline.external), so no page
carries a third party's address of its own, and every such link is rendered by one partial,
overrides/partials/ekstern-kilde.html, which labels it "Ekstern kilde, ikke en del av retningslinjen"
and names the publisher. An unknown id, or a malformed file, stops the build with file:line.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
from markupsafe import Markup
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from decision_tree.problems import TreeError  # noqa: E402
from guideline import external  # noqa: E402

TEMPLATE = "partials/ekstern-kilde.html"

_sources: dict[str, external.Source] = {}


def render(env: jinja2.Environment, source: external.Source, text: str = "") -> Markup:
    """One source as the partial renders it (`text`: the link's words; the source's name if empty)."""
    return Markup(env.get_template(TEMPLATE).render(kilde=source, tekst=text))


def on_config(config):
    global _sources
    try:
        _sources = external.load()
    except TreeError as exc:
        raise PluginError("Eksterne kilder har feil:\n" + "\n".join(str(p) for p in exc.problems)) from None
    return config


def on_page_markdown(markdown: str, page, config, files) -> str:
    if "](ekstern:" not in markdown:
        return markdown
    env = config.theme.get_env()
    env.autoescape = True
    where = page.file.src_uri

    def link(match) -> str:
        source = _sources.get(match.group(2))
        if source is None:
            line = markdown.count("\n", 0, match.start()) + 1
            raise PluginError(f"docs/{where}:{line}: ukjent ekstern kilde «{match.group(2)}»; "
                              f"kildene står i {external.SOURCES.relative_to(ROOT)}")
        return str(render(env, source, match.group(1)))

    return external.LINK.sub(link, markdown)
