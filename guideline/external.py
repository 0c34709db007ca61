"""External sources (laws, regulations) the site links to: kilde/eksterne-kilder.toml, the one place
their addresses are kept. HR edits that file; its Norwegian comments explain it.

- `load(path) -> dict[str, Source]` (kilde/eksterne-kilder.toml, `FILE_NAME`): every source by id,
  in file order. A malformed file raises layout.SourceError with `file:line` problems (unknown
  key, missing field, bad id, an address that is not https://, an id used twice).
- `Source`: `id`, `label` (navn), `publisher` (utgiver), `url`, `confirmed_by` (bekreftet: where
  the address was found, so it can be checked again), `line` (of its [[kilde]] header).
- `LINK`: the Markdown link form pages use, `[text](ekstern:<id>)`; group 1 is the text, group 2 the id.

The site renders a source with overrides/partials/external-source.html, which labels it as outside
the guideline ("Ekstern kilde, ikke en del av retningslinjen"): hooks/external_sources.py for pages,
and the decision trees' outcomes through the same partial. Standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import tomllines
from .layout import SourceError
from .problems import Problem, display_path
from .text import ID
from .tomllines import LineIndex

FILE_NAME = "eksterne-kilder.toml"  # in kilde/
LINK = re.compile(r"\[([^\]]*)\]\(ekstern:([^)\s]*)\)")
_KEYS = {"id": "id", "navn": "label", "utgiver": "publisher", "url": "url", "bekreftet": "confirmed_by"}


@dataclass(frozen=True)
class Source:
    id: str
    label: str
    publisher: str
    url: str
    confirmed_by: str
    line: int = 0


def load(path: Path) -> dict[str, Source]:
    where = display_path(path)
    if not path.is_file():
        raise SourceError([Problem(where, 1, "fila finnes ikke; den holder adressene til eksterne kilder")])
    text = path.read_text(encoding="utf-8")
    data = tomllines.loads(text, where, SourceError)
    lines = LineIndex(text)
    problems: list[Problem] = []
    for key in data.keys() - {"kilde"}:
        problems.append(Problem(where, lines.line((), key), f"ukjent nøkkel «{key}» (bare [[kilde]] er tillatt)"))
    sources: dict[str, Source] = {}
    for index, entry in enumerate(data.get("kilde") or []):
        table = (("kilde", index),)
        line = lines.line(table, "")

        def problem(key: str, message: str, table=table) -> None:
            problems.append(Problem(where, lines.line(table, key), message))

        for key in entry.keys() - _KEYS.keys():
            problem(key, f"ukjent nøkkel «{key}» i [[kilde]] (tillatt: {', '.join(_KEYS)})")
        values = {}
        for key, field in _KEYS.items():
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                problem(key, f"[[kilde]] mangler «{key}» (tekst i anførselstegn)")
                value = ""
            values[field] = " ".join(value.split())
        source = Source(**values, line=line)
        if source.id and not ID.match(source.id):
            problem("id", f"«{source.id}» er ikke en gyldig id: bruk små bokstaver a–z, sifre og bindestrek")
        if source.url and not re.fullmatch(r"https://[^\s\"'<>]+", source.url):
            problem("url", f"«{source.url}» er ikke en https://-adresse")
        if source.id in sources:
            problem("id", f"id-en «{source.id}» er brukt før (linje {sources[source.id].line})")
        sources.setdefault(source.id, source)
    if problems:
        raise SourceError(problems)
    return sources
