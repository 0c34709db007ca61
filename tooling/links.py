"""Link targets written `(extra:name)` in Markdown, TOML and kilde/oppsett.toml: they get the value
of `extra.name` in mkdocs.yml, so the form's address and how to reach POU are set in one place."""

from __future__ import annotations

import re

EXTRA_LINK = re.compile(r"\]\(extra:([a-z_]+)\)")
PREFIX = "extra:"


class MissingSetting(Exception):
    """A link names an `extra.<name>` that has no value; the message says where, in Norwegian."""


def value(name: str, extra: dict, where: str) -> str:
    """The address `extra.<name>`; `where` names the source in the error if it is unset."""
    if not extra.get(name):
        raise MissingSetting(f"{where}: lenken (extra:{name}) mangler verdi; sett extra.{name} i mkdocs.yml")
    return str(extra[name])


def target(link: str, extra: dict, where: str) -> str:
    """A link target as written: `extra:name` resolved, anything else as it is."""
    return value(link[len(PREFIX):], extra, where) if link.startswith(PREFIX) else link


def fill(markdown: str, extra: dict, where: str) -> str:
    """Replace `](extra:name)` with `](<extra.name>)`; `where` names the source in errors."""
    return EXTRA_LINK.sub(lambda match: f"]({value(match.group(1), extra, where)})", markdown)
