"""kilde/oppsett.toml -> Layout: how the source text maps onto the published page.

HR edits oppsett.toml (its comments explain it in Norwegian). It holds what the text itself
cannot say: the published anchor of each heading, the paragraphs that have their own anchor
(known by their opening words in the version they first appear in), and which words become
links. Structural anchors (punkt-N, punkt-N<letter>) are not listed: source.py derives them.

`load(path) -> Layout` raises SourceError with `file:line` problems for a malformed file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import tomllines
from .problems import Problem, ProblemError, display_path
from .text import ID, is_version, normalise
from .tomllines import LineIndex

FILE_NAME = "oppsett.toml"  # in the folder of the source texts (kilde/)


class SourceError(ProblemError):
    """Problems that make a guideline source file (or oppsett.toml) unusable."""


@dataclass(frozen=True)
class NamedParagraph:
    anchor: str
    opening: str  # the words the paragraph begins with in `version`
    version: str  # the first version that has the paragraph
    line: int = 0


@dataclass(frozen=True)
class LinkRule:
    phrase: str  # words on the page that become the link, exactly as in the source
    under: str  # the anchor whose section holds the words
    target: str  # "#anchor" on the same page, or "extra:name" from mkdocs.yml
    line: int = 0


@dataclass(frozen=True)
class Layout:
    title_anchor: str = "retningslinje"
    headings: dict[str, str] = field(default_factory=dict)  # heading text -> anchor
    not_headings: frozenset[str] = frozenset()  # short lines that are paragraphs all the same
    named: tuple[NamedParagraph, ...] = ()
    links: tuple[LinkRule, ...] = ()
    source: str = ""


def load(path: Path) -> Layout:
    source = display_path(path)
    if not path.is_file():
        raise SourceError([Problem(source, 1, "fila finnes ikke; den sier hvilke ankere retningslinjen har")])
    text = path.read_text(encoding="utf-8")
    lines = LineIndex(text)
    problems: list[Problem] = []

    def problem(table: tuple, key: str, message: str) -> None:
        problems.append(Problem(source, lines.line(table, key), message))

    data = tomllines.loads(text, source, SourceError)

    def texts(table: tuple, entry: dict, keys: tuple[str, ...], what: str) -> list[str]:
        for key in entry.keys() - set(keys):
            problem(table, key, f"ukjent nøkkel «{key}» i {what} (tillatt: {', '.join(keys)})")
        values = []
        for key in keys:
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                problem(table, key, f"{what} mangler «{key}» (tekst i anførselstegn)")
            values.append(normalise(value) if isinstance(value, str) else "")
        return values

    def anchor(table: tuple, key: str, value: str) -> None:
        if value and not ID.match(value):
            problem(table, key, f"«{value}» er ikke et gyldig anker: bruk små bokstaver a–z, sifre og bindestrek")

    headings = {}
    for heading, value in (data.get("overskrifter") or {}).items():
        if not isinstance(value, str):
            problem((("overskrifter", None),), heading, f"ankeret for «{heading}» må være tekst i anførselstegn")
            continue
        anchor((("overskrifter", None),), heading, value)
        headings[normalise(heading)] = value
    named = []
    for index, entry in enumerate(data.get("avsnitt") or []):
        table = (("avsnitt", index),)
        name, opening, version = texts(table, entry, ("anker", "begynner", "versjon"), "[[avsnitt]]")
        anchor(table, "anker", name)
        if version and not is_version(version):
            problem(table, "versjon", f"«{version}» er ikke et versjonsnummer (for eksempel 0.02)")
        named.append(NamedParagraph(name, opening, version, lines.line(table)))
    links = []
    for index, entry in enumerate(data.get("lenke") or []):
        table = (("lenke", index),)
        phrase, under, target = texts(table, entry, ("ord", "under", "til"), "[[lenke]]")
        if target and not (target.startswith("#") or target.startswith("extra:")):
            problem(table, "til", f"«til» = «{target}»: skriv et anker (#kortvarig) eller extra:navn")
        links.append(LinkRule(phrase, under, target, lines.line(table)))
    title = data.get("tittel", "retningslinje")
    anchor((), "tittel", title if isinstance(title, str) else "")
    not_headings = data.get("ikke-overskrifter", [])
    if not isinstance(not_headings, list) or not all(isinstance(t, str) for t in not_headings):
        problem((), "ikke-overskrifter", "«ikke-overskrifter» må være en liste med tekster")
        not_headings = []
    if problems:
        raise SourceError(problems)
    return Layout(
        title_anchor=title,
        headings=headings,
        not_headings=frozenset(normalise(t) for t in not_headings),
        named=tuple(named),
        links=tuple(links),
        source=source,
    )
