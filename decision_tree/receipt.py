"""The plain-text receipt: an e-mail body to one's leader, and a print view.

Plain text on purpose: it goes into `mailto:` bodies, so no Markdown or HTML
survives, and lines are wrapped for mail readers.
"""

from __future__ import annotations

import re
import textwrap
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from . import engine
from .engine import State
from .model import Common, Outcome, Tree
from .state import encode

WIDTH = 72
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*)(.+?)\1")
_PUNKT = re.compile(r"^punkt-(\d+)([a-z]?)$")


def _fill(text: str, width: int = WIDTH, **options) -> str:
    # Never split a word or an address at a hyphen: links must stay whole.
    return textwrap.fill(text, width, break_on_hyphens=False, break_long_words=False, **options)


def state_link(link: str, state: str) -> str:
    """`link` with its `svar` query parameter set to `state` (dropped for the start)."""
    parts = urlsplit(link)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "svar"]
    if state:
        query.append(("svar", state))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, safe="~"), ""))


def anchor_link(link: str, tree: Tree, page: str, anchor: str) -> str:
    """The guideline address for an anchor, when `link` is the tree page's own address."""
    parts = urlsplit(link)
    if not parts.scheme or not parts.path.endswith(f"/{tree.slug}/"):
        return ""
    return urljoin(urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")), f"../../{page}/#{anchor}")


def anchor_label(anchor: str) -> str:
    match = _PUNKT.match(anchor)
    if match:
        return f"punkt {match.group(1)}" + (f" {match.group(2)}" if match.group(2) else "")
    return f"«{anchor}»"


def plain(markdown: str, extra: dict) -> str:
    """Markdown -> plain text paragraphs (links become `text (address)`)."""

    def link(match: re.Match) -> str:
        text, target = match.groups()
        if target.startswith("extra:"):
            target = str(extra.get(target[len("extra:"):], ""))
        if target.startswith("mailto:"):
            target = target[len("mailto:"):]
        return f"{text} ({target})" if target and target != text else text

    text = _LINK.sub(link, markdown)
    text = _EMPHASIS.sub(r"\2", text)
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        items = re.split(r"\n(?=\s*[-*] )", block)
        lines = []
        for item in items:
            item = " ".join(part.strip() for part in item.splitlines())
            if re.match(r"^[-*] ", item):
                lines.append(_fill("- " + item[2:], WIDTH, subsequent_indent="  "))
            else:
                lines.append(_fill(item, WIDTH))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _heading(text: str) -> str:
    return f"{text}\n{'-' * len(text)}"


def _outcome(outcome: Outcome, tree: Tree, common: Common, link: str, extra: dict) -> list[str]:
    certainty = common.certainties[outcome.certainty]
    out = [_heading(f"Resultat: {outcome.title}"), f"Hvor sikkert: {certainty.label}", plain(outcome.text, extra)]
    quotes = []
    for c in outcome.citations:
        source = f"Kilde: retningslinjen, {anchor_label(c.anchor)}"
        address = anchor_link(link, tree, common.guideline.page, c.anchor)
        quotes.append(
            _fill(f"- «{c.quote}»", WIDTH, subsequent_indent="  ")
            + "\n"
            + _fill(source + (f" ({address})" if address else ""), WIDTH, initial_indent="  ", subsequent_indent="  ")
        )
    out.append(_heading("Dette bygger på (ordrett fra retningslinjen)") + "\n" + "\n".join(quotes))
    if outcome.next_steps:
        steps = [_fill("- " + plain(common.steps[s], extra), WIDTH, subsequent_indent="  ") for s in outcome.next_steps]
        out.append(_heading("Neste steg") + "\n" + "\n".join(steps))
    return out


def render(tree: Tree, state: State, common: Common, link: str = "", extra: dict | None = None) -> str:
    extra = extra or {}
    g = common.guideline
    parts = [
        f"Beslutningstre: {tree.title}\n"
        f"Bygger på: {g.title}\n"
        f"Retningslinjens versjon {g.version}, gjelder fra {g.valid_from}",
    ]
    steps = engine.steps_of(tree, state)
    if steps:
        answered = [
            _fill(f"{n}. {s.question.text}", WIDTH, subsequent_indent="   ")
            + "\n"
            + _fill(f"Svar: {engine.answer_text(s)}", WIDTH, initial_indent="   ", subsequent_indent="   ")
            for n, s in enumerate(steps, start=1)
        ]
        parts.append(_heading("Dine svar") + "\n" + "\n".join(answered))
    node = engine.current(tree, state)
    if isinstance(node, Outcome) and state.cursor is None:
        parts.extend(_outcome(node, tree, common, link, extra))
    else:
        parts.append("Du har ikke svart på alle spørsmålene ennå, så det er ikke noe resultat.")
    if link:
        parts.append(f"Se svarene og resultatet igjen:\n{state_link(link, encode(tree, state))}")
    parts.append("Dette er en veiledning basert på retningslinjen, ikke et vedtak.")
    return "\n\n".join(_fill(p, WIDTH) if "\n" not in p and len(p) > WIDTH else p for p in parts) + "\n"
