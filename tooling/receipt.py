"""The plain-text receipt: its words are the template overrides/partials/tree/receipt.txt.

The build renders that template into each outcome's fragment (with the answers
and the link left for the widget to fill); the CLI renders it here, whole.
This module gives the template its context and its one formatting filter,
`plain` (`markdown_to_text`: Markdown -> plain text, links written out).
"""

from __future__ import annotations

import re
import textwrap
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from decision_tree import engine
from decision_tree.engine import State
from decision_tree.model import Catalog, Outcome, Tree
from decision_tree.state import encode

from .project import Project

WIDTH = 72
TEMPLATE = "partials/tree/receipt.txt"
ANSWER_TEMPLATE = "partials/tree/receipt-answer.txt"
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*)(.+?)\1")


def _fill(text: str, width: int, **options) -> str:
    # Never split a word or an address at a hyphen: links must stay whole.
    if not width:
        return text
    return textwrap.fill(text, width, break_on_hyphens=False, break_long_words=False, **options)


def markdown_to_text(markdown: str, extra: dict, width: int = WIDTH) -> str:
    """Markdown -> plain text paragraphs, wrapped at `width` (0: not wrapped); links become `text (address)`."""

    def link(match: re.Match) -> str:
        text, target = match.groups()
        if target.startswith("extra:"):
            target = str(extra.get(target[len("extra:"):], ""))
        if target.startswith("mailto:"):
            target = target[len("mailto:"):]
        return f"{text} ({target})" if target and target != text else text

    text = _EMPHASIS.sub(r"\2", _LINK.sub(link, markdown))
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = []
        for item in re.split(r"\n(?=\s*[-*] )", block):
            item = " ".join(part.strip() for part in item.splitlines())
            if re.match(r"^[-*] ", item):
                lines.append(_fill("- " + item[2:], width, subsequent_indent="  "))
            else:
                lines.append(_fill(item, width))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def state_link(link: str, state: str) -> str:
    """`link` with its `svar` query parameter set to `state` (dropped for the start)."""
    parts = urlsplit(link)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "svar"]
    if state:
        query.append(("svar", state))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, safe="~"), ""))


def environment(extra: dict, loader):
    """A Jinja environment for the receipt, loading templates with `loader` (the build passes the
    theme's, the CLI a loader of the project's overrides/)."""
    import jinja2  # the CLI and the build have it; the browser never renders the receipt itself

    env = jinja2.Environment(loader=loader, keep_trailing_newline=True)
    env.filters["plain"] = lambda markdown, width=WIDTH: markdown_to_text(markdown, extra, width)
    return env


def render(project: Project, tree: Tree, state: State, catalog: Catalog, labels: dict[str, str],
           link: str = "", extra: dict | None = None) -> str:
    """The whole receipt for the CLI. `link` is the tree page's address; `?svar=<state>` is added.

    `labels` names the guideline's places by anchor, as the site does (Document.labels()).
    """
    import jinja2

    common, guideline = catalog.common, catalog.guideline
    env = environment(extra or {}, jinja2.FileSystemLoader(project.overrides))
    template, line = env.get_template(TEMPLATE), env.get_template(ANSWER_TEMPLATE)
    at = engine.position(tree, state)
    lines = "".join(line.render(n=n, question=s.question.text, answer=engine.answer_text(s))
                    for n, s in enumerate(at.steps, start=1))
    page = urlsplit(link)
    base = urlunsplit((page.scheme, page.netloc, page.path, "", "")) if page.scheme else ""

    def guideline_url(anchor: str) -> str:
        # Only when `link` is the tree page's own address: the guideline is two levels up.
        if not base.endswith(f"/{tree.slug}/"):
            return ""
        return urljoin(base, f"../../{guideline.page}/#{anchor}")

    outcome = at.current if isinstance(at.current, Outcome) and state.cursor is None else None
    return template.render(
        tree=tree, common=common, guideline=guideline, outcome=outcome, answers=lines,
        link=state_link(link, encode(tree, state, guideline.version)) if link else "",
        guideline_url=guideline_url, anchor_label=lambda anchor: labels.get(anchor, anchor),
    )
