"""TOML files -> model, with `file:line` messages (in Norwegian: HR reads them).

Only the file's shape is checked here (keys, types, ids, duplicates). Whether
the nodes form a sound graph and whether quotes match the guideline is
check.py's job.
"""

from __future__ import annotations

import os
import re
import tomllib
from fractions import Fraction
from pathlib import Path

from .model import Certainty, Citation, Common, Guideline, NumberField, Option, Outcome, Question, Tree
from .problems import Problem, TreeError
from .tomllines import LineIndex, TableKey

PACKAGE_DIR = Path(__file__).resolve().parent
TREES_DIR = PACKAGE_DIR / "trees"
COMMON_FILE = PACKAGE_DIR / "common.toml"

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_VALUE = re.compile(r"^\s*([a-z0-9-]+)\s*(?:/\s*([a-z0-9-]+)\s*)?$")


def display_path(path: Path) -> str:
    """A path as HR sees it: relative to the working directory when possible."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


class _Reader:
    """Reads values out of parsed TOML, collecting problems with their lines."""

    def __init__(self, source: str, text: str):
        self.source = source
        self.index = LineIndex(text)
        self.problems: list[Problem] = []

    def problem(self, table: TableKey, key: str, message: str) -> None:
        self.problems.append(Problem(self.source, self.index.line(table, key), message))

    def line(self, table: TableKey, key: str = "") -> int:
        return self.index.line(table, key)

    def allow(self, data: dict, table: TableKey, keys: set[str], what: str) -> None:
        for key in data:
            if key not in keys:
                self.problem(table, key, f"ukjent nøkkel «{key}» i {what} (tillatt: {', '.join(sorted(keys))})")

    def text(self, data: dict, table: TableKey, key: str, what: str, required: bool = True) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(table, key, f"{what} mangler «{key}»")
            return ""
        if not isinstance(value, str):
            self.problem(table, key, f"«{key}» i {what} må være tekst i anførselstegn")
            return ""
        if required and not value.strip():
            self.problem(table, key, f"«{key}» i {what} er tom")
        return value.strip()

    def ident(self, data: dict, table: TableKey, key: str, what: str) -> str:
        value = self.text(data, table, key, what)
        if value and not ID.match(value):
            self.problem(
                table, key, f"«{value}» er ikke en gyldig id: bruk små bokstaver a–z, sifre og bindestrek (ikke æøå)"
            )
        return value

    def number(self, data: dict, table: TableKey, key: str, what: str) -> Fraction | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(table, key, f"«{key}» i {what} må være et tall")
            return None
        return Fraction(str(value)) if isinstance(value, float) else Fraction(value)

    def tables(self, data: dict, table: TableKey, key: str, what: str) -> list[tuple[dict, TableKey]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem(table, key, f"«{key}» i {what} må skrives som [[{key}]]-tabeller")
            return []
        return [(item, table + ((key, i),)) for i, item in enumerate(value)]


def _parse(path: Path) -> tuple[dict, _Reader]:
    source = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TreeError([Problem(source, 1, f"kan ikke lese fila: {exc}")]) from None
    reader = _Reader(source, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        line = int(found.group(1)) if found else 1
        raise TreeError([Problem(source, line, f"fila er ikke gyldig TOML: {exc}")]) from None
    return data, reader


def _field(r: _Reader, data: dict, table: TableKey) -> NumberField:
    what = "et tallfelt"
    r.allow(data, table, {"id", "label", "unit", "unit_one", "min", "max", "decimals", "min_message", "max_message"}, what)
    decimals = data.get("decimals", 0)
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 3:
        r.problem(table, "decimals", "«decimals» må være et heltall fra 0 til 3")
        decimals = 0
    minimum = r.number(data, table, "min", what)
    return NumberField(
        id=r.ident(data, table, "id", what),
        label=r.text(data, table, "label", what),
        unit=r.text(data, table, "unit", what, required=False),
        unit_one=r.text(data, table, "unit_one", what, required=False),
        min=Fraction(0) if minimum is None else minimum,
        max=r.number(data, table, "max", what),
        decimals=decimals,
        min_message=r.text(data, table, "min_message", what, required=False),
        max_message=r.text(data, table, "max_message", what, required=False),
        line=r.line(table, "id"),
    )


def _question(r: _Reader, data: dict, table: TableKey) -> Question:
    what = "et spørsmål"
    r.allow(
        data,
        table,
        {"id", "kind", "text", "hint", "option", "field", "value", "value_label", "value_label_one", "max_value",
         "max_value_message"},
        what,
    )
    kind = data.get("kind", "choice")
    if kind not in ("choice", "number"):
        r.problem(table, "kind", f"«kind» må være «choice» eller «number», ikke «{kind}»")
        kind = "choice"
    options = []
    seen: set[str] = set()
    for item, sub in r.tables(data, table, "option", what):
        r.allow(item, sub, {"id", "label", "next", "below"}, "et svaralternativ")
        option = Option(
            id=r.ident(item, sub, "id", "et svaralternativ"),
            label=r.text(item, sub, "label", "et svaralternativ"),
            next=r.text(item, sub, "next", "et svaralternativ"),
            below=r.number(item, sub, "below", "et svaralternativ"),
            line=r.line(sub, "id"),
        )
        if option.id in seen:
            r.problem(sub, "id", f"svaralternativet «{option.id}» finnes to ganger i samme spørsmål")
        seen.add(option.id)
        options.append(option)
    fields = [_field(r, item, sub) for item, sub in r.tables(data, table, "field", what)]
    numerator = denominator = ""
    if kind == "number":
        value = data.get("value", fields[0].id if len(fields) == 1 else "")
        match = _VALUE.match(value) if isinstance(value, str) else None
        if not match:
            r.problem(table, "value", "et tallspørsmål trenger «value», for eksempel value = \"dager / uker\"")
        else:
            numerator, denominator = match.group(1), match.group(2) or ""
    elif data.get("field") or data.get("value"):
        r.problem(table, "field", "bare spørsmål med kind = \"number\" kan ha tallfelt og «value»")
    return Question(
        id=r.ident(data, table, "id", what),
        kind=kind,
        text=r.text(data, table, "text", what),
        hint=r.text(data, table, "hint", what, required=False),
        options=tuple(options),
        fields=tuple(fields),
        numerator=numerator,
        denominator=denominator,
        value_label=r.text(data, table, "value_label", what, required=False),
        value_label_one=r.text(data, table, "value_label_one", what, required=False),
        max_value=r.number(data, table, "max_value", what),
        max_value_message=r.text(data, table, "max_value_message", what, required=False),
        line=r.line(table, "id"),
    )


def _outcome(r: _Reader, data: dict, table: TableKey) -> Outcome:
    what = "et utfall"
    r.allow(data, table, {"id", "title", "text", "certainty", "citation", "next_steps"}, what)
    citations = []
    for item, sub in r.tables(data, table, "citation", what):
        r.allow(item, sub, {"anchor", "quote"}, "et sitat")
        citations.append(
            Citation(
                anchor=r.text(item, sub, "anchor", "et sitat"),
                quote=r.text(item, sub, "quote", "et sitat"),
                line=r.line(sub, "quote"),
            )
        )
    steps = data.get("next_steps", [])
    if not isinstance(steps, list) or not all(isinstance(s, str) for s in steps):
        r.problem(table, "next_steps", "«next_steps» må være en liste med id-er, for eksempel [\"avklar-med-leder\"]")
        steps = []
    return Outcome(
        id=r.ident(data, table, "id", what),
        title=r.text(data, table, "title", what),
        text=r.text(data, table, "text", what),
        certainty=r.text(data, table, "certainty", what),
        citations=tuple(citations),
        next_steps=tuple(steps),
        line=r.line(table, "id"),
    )


def load_tree(path: Path) -> Tree:
    """Read one tree file. Raises TreeError listing every problem found."""
    data, r = _parse(path)
    r.allow(data, (), {"title", "description", "start", "order", "question", "outcome"}, "treet")
    order = data.get("order", 100)
    if isinstance(order, bool) or not isinstance(order, int):
        r.problem((), "order", "«order» må være et heltall")
        order = 100
    questions: dict[str, Question] = {}
    outcomes: dict[str, Outcome] = {}
    for item, table in r.tables(data, (), "question", "treet"):
        q = _question(r, item, table)
        if q.id in questions or q.id in outcomes:
            r.problem(table, "id", f"id-en «{q.id}» er brukt før; hver id må være unik i treet")
        questions.setdefault(q.id, q)
    for item, table in r.tables(data, (), "outcome", "treet"):
        o = _outcome(r, item, table)
        if o.id in questions or o.id in outcomes:
            r.problem(table, "id", f"id-en «{o.id}» er brukt før; hver id må være unik i treet")
        outcomes.setdefault(o.id, o)
    slug = path.stem
    if not ID.match(slug):
        r.problems.append(Problem(r.source, 1, f"filnavnet «{path.name}» må bestå av a–z, sifre og bindestrek"))
    tree = Tree(
        slug=slug,
        title=r.text(data, (), "title", "treet"),
        description=r.text(data, (), "description", "treet"),
        start=r.text(data, (), "start", "treet"),
        questions=questions,
        outcomes=outcomes,
        order=order,
        source=r.source,
        line_start=r.line((), "start"),
    )
    if r.problems:
        raise TreeError(r.problems)
    return tree


def load_common(path: Path = COMMON_FILE) -> Common:
    data, r = _parse(path)
    r.allow(data, (), {"guideline", "certainty", "steps"}, "fellesfila")
    g = data.get("guideline", {})
    gt: TableKey = (("guideline", None),)
    guideline = Guideline(
        title=r.text(g, gt, "title", "[guideline]"),
        version=r.text(g, gt, "version", "[guideline]"),
        valid_from=r.text(g, gt, "valid_from", "[guideline]"),
        page=r.text(g, gt, "page", "[guideline]"),
    )
    certainties = {}
    lines = {}
    for cid, c in data.get("certainty", {}).items():
        ct: TableKey = (("certainty", None), (cid, None))
        if not ID.match(cid):
            r.problem(ct, "", f"«{cid}» er ikke en gyldig id")
        certainties[cid] = Certainty(
            id=cid,
            label=r.text(c, ct, "label", f"[certainty.{cid}]"),
            description=r.text(c, ct, "description", f"[certainty.{cid}]", required=False),
        )
        lines[f"certainty.{cid}"] = r.line(ct)
    steps = {}
    st: TableKey = (("steps", None),)
    for sid, text in data.get("steps", {}).items():
        if not ID.match(sid):
            r.problem(st, sid, f"«{sid}» er ikke en gyldig id")
        if not isinstance(text, str) or not text.strip():
            r.problem(st, sid, f"steget «{sid}» må ha en tekst")
            continue
        steps[sid] = text.strip()
        lines[f"steps.{sid}"] = r.line(st, sid)
    if r.problems:
        raise TreeError(r.problems)
    return Common(guideline=guideline, certainties=certainties, steps=steps, source=r.source, lines=lines)


def tree_files(directory: Path = TREES_DIR) -> list[Path]:
    return sorted(p for p in directory.glob("*.toml") if not p.name.startswith("_"))
