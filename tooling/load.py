"""TOML files -> model, with `file:line` messages (in Norwegian: HR reads them).

Reading is driven by the dataclasses in model.py: their fields say which keys a
table may have, which are required, and what type each value is. Only the
file's shape is checked here (keys, types, ids, duplicates); whether the nodes
form a sound graph is tree_checks.py's job, and whether quotes match the guideline checks.py's.
"""

from __future__ import annotations

import dataclasses
import typing
from fractions import Fraction
from pathlib import Path

from decision_tree.model import Common, Outcome, Question, Tree, field_types
from guideline import tomllines
from guideline.problems import Problem, ProblemError, display_path
from guideline.text import ID
from guideline.tomllines import LineIndex, TableKey


class TreeError(ProblemError):
    """Problems that make a tree file (or common.toml) unusable."""


def _key(f: dataclasses.Field) -> str:
    return f.metadata.get("key", f.name)


class _Reader:
    """Reads one file's tables into dataclasses, collecting problems with their lines."""

    def __init__(self, source: str, text: str):
        self.source = source
        self.index = LineIndex(text)
        self.problems: list[Problem] = []

    def problem(self, table: TableKey, key: str, message: str) -> None:
        self.problems.append(Problem(self.source, self.index.line(table, key), message))

    def record(self, cls, data: dict, table: TableKey, skip: frozenset[str] = frozenset()):
        """A `cls` instance from a TOML table; unknown keys, missing and mistyped values are problems."""
        fields = [f for f in dataclasses.fields(cls) if f.name not in skip]
        hints = field_types(cls)
        keys = {_key(f) for f in fields if not f.metadata.get("line")}
        for key in data:
            if key not in keys:
                self.problem(table, key, f"ukjent nøkkel «{key}» i {cls.WHAT} (tillatt: {', '.join(sorted(keys))})")
        values: dict[str, object] = {}
        for f in fields:
            if f.metadata.get("line"):
                values[f.name] = self.index.line(table, getattr(cls, "LINE_KEY", "id"))
                continue
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            value = self.value(hints[f.name], data, table, _key(f), cls.WHAT, f, required)
            if value is not None:
                values[f.name] = value
            elif required:
                values[f.name] = hints[f.name]() if hints[f.name] in (str, int) else None
        return cls(**values)

    def value(self, hint, data: dict, table: TableKey, key: str, what: str, f, required: bool):
        raw = data.get(key)
        if raw is None:
            if required:
                self.problem(table, key, f"{what} mangler «{key}»")
            return None
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is tuple:  # tuple[X, ...]: an array of tables, or of strings
            item = args[0]
            if item is str:
                if isinstance(raw, list) and all(isinstance(v, str) for v in raw):
                    return tuple(v.strip() for v in raw)
                self.problem(table, key, f"«{key}» i {what} må være en liste med tekster, for eksempel [\"a\", \"b\"]")
                return ()
            if not isinstance(raw, list) or not all(isinstance(v, dict) for v in raw):
                self.problem(table, key, f"«{key}» i {what} må skrives som [[{key}]]-tabeller")
                return ()
            return tuple(self.record(item, v, table + ((key, i),)) for i, v in enumerate(raw))
        if dataclasses.is_dataclass(hint):
            if not isinstance(raw, dict):
                self.problem(table, key, f"«{key}» i {what} må være en tabell, [{key}]")
                return None
            return self.record(hint, raw, table + ((key, None),))
        if Fraction in (hint, *args):
            if isinstance(raw, bool) or not isinstance(raw, (int, float)):
                self.problem(table, key, f"«{key}» i {what} må være et tall")
                return None
            return Fraction(str(raw)) if isinstance(raw, float) else Fraction(raw)
        if hint is int:
            low, high = f.metadata.get("range", (None, None))
            if isinstance(raw, bool) or not isinstance(raw, int) or (low is not None and not low <= raw <= high):
                span = f" fra {low} til {high}" if low is not None else ""
                self.problem(table, key, f"«{key}» i {what} må være et heltall{span}")
                return None
            return raw
        if not isinstance(raw, str):
            self.problem(table, key, f"«{key}» i {what} må være tekst i anførselstegn")
            return None
        text = raw.strip()
        if required and not text:
            self.problem(table, key, f"«{key}» i {what} er tom")
        elif f.metadata.get("id") and not ID.match(text):
            message = f"«{text}» er ikke en gyldig id: bruk små bokstaver a–z, sifre og bindestrek (ikke æøå)"
            self.problem(table, key, message)
        elif f.metadata.get("choices") and text not in f.metadata["choices"]:
            allowed = " eller ".join(f"«{c}»" for c in f.metadata["choices"])
            self.problem(table, key, f"«{key}» må være {allowed}, ikke «{text}»")
            return None
        return text


def _parse(path: Path) -> tuple[dict, _Reader]:
    source = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TreeError([Problem(source, 1, f"kan ikke lese fila: {exc}")]) from None
    return tomllines.loads(text, source, TreeError), _Reader(source, text)


def _unique(r: _Reader, items, kind: str, table: TableKey, seen: dict) -> dict:
    """Nodes by id; a repeated id is reported at its second use."""
    found = {}
    for index, item in enumerate(items):
        if item.id in seen or item.id in found:
            r.problem(table + ((kind, index),), "id", f"id-en «{item.id}» er brukt før; hver id må være unik i treet")
            continue
        found[item.id] = item
    return found


def load_tree(path: Path) -> Tree:
    """Read one tree file. Raises TreeError listing every problem found."""
    data, r = _parse(path)
    allowed = {"title", "description", "start", "order", "question", "outcome"}
    for key in data:
        if key not in allowed:
            r.problem((), key, f"ukjent nøkkel «{key}» i treet (tillatt: {', '.join(sorted(allowed))})")
    questions = r.value(tuple[Question, ...], data, (), "question", "treet", None, False) or ()
    outcomes = r.value(tuple[Outcome, ...], data, (), "outcome", "treet", None, False) or ()
    for q in questions:
        seen: set[str] = set()
        for o in q.options:
            if o.id in seen:
                message = f"svaralternativet «{o.id}» finnes to ganger i samme spørsmål"
                r.problems.append(Problem(r.source, o.line, message))
            seen.add(o.id)
    by_id = _unique(r, questions, "question", (), {})
    outcome_by_id = _unique(r, outcomes, "outcome", (), by_id)
    order = data.get("order", 100)
    if isinstance(order, bool) or not isinstance(order, int):
        r.problem((), "order", "«order» må være et heltall")
        order = 100
    slug = path.stem
    if not ID.match(slug):
        r.problems.append(Problem(r.source, 1, f"filnavnet «{path.name}» må bestå av a–z, sifre og bindestrek"))
    texts = {key: data[key].strip() if isinstance(data.get(key), str) else ""
             for key in ("title", "description", "start")}
    for key, text in texts.items():
        if not text:
            r.problem((), key, f"treet mangler «{key}»")
    tree = Tree(slug=slug, questions=by_id, outcomes=outcome_by_id, order=order, source=r.source,
                line_start=r.index.line((), "start"), **texts)
    if r.problems:
        raise TreeError(r.problems)
    return tree


def load_common(path: Path) -> Common:
    data, r = _parse(path)
    common = r.record(Common, data, (), skip=frozenset({"source"}))
    common = dataclasses.replace(common, source=r.source)
    for kind, items in (("certainty", common.certainty), ("step", common.step)):
        _unique(r, items, kind, (), {})
    if r.problems:
        raise TreeError(r.problems)
    return common


def tree_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.toml") if not p.name.startswith("_"))
