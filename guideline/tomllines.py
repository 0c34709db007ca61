"""Where each table and key sits in a TOML file, so messages can say file:line.

tomllib gives values but no positions. This scanner reads the source lines and
numbers every table instance the way tomllib orders them: the i-th
`[[question]]` header is question i, the j-th `[[question.option]]` after it is
that question's option j. It only has to be good enough for the files we write;
when it cannot tell, callers fall back to the nearest table header line.
"""

from __future__ import annotations

import re
import tomllib

from .problems import Problem, ProblemError

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*([A-Za-z0-9_-]+|"[^"]*")\s*=""")

# A table key is a tuple of (name, index) pairs; index is None for plain tables.
TableKey = tuple[tuple[str, int | None], ...]


def _names(header: str) -> list[str]:
    return [part.strip().strip('"') for part in header.split(".")]


class LineIndex:
    def __init__(self, text: str):
        self.tables: dict[TableKey, dict[str, int]] = {(): {"": 1}}
        counts: dict[tuple, int] = {}  # (parent key, name) -> instances so far
        latest: dict[tuple[str, ...], int] = {}  # array path -> index of its latest instance
        current: TableKey = ()
        open_quote = ""
        for number, line in enumerate(text.splitlines(), start=1):
            if open_quote:
                if line.count(open_quote) % 2 == 1:
                    open_quote = ""
                continue
            header = _HEADER.match(line)
            if header:
                names = _names(header.group(2))
                parent = tuple((name, latest.get(tuple(names[: i + 1]))) for i, name in enumerate(names[:-1]))
                if header.group(1) == "[[":
                    index = counts.get((parent, names[-1]), 0)
                    counts[(parent, names[-1])] = index + 1
                    latest[tuple(names)] = index
                    current = parent + ((names[-1], index),)
                else:
                    current = parent + ((names[-1], None),)
                self.tables.setdefault(current, {})[""] = number
                continue
            key = _KEY.match(line)
            if key:
                self.tables.setdefault(current, {}).setdefault(key.group(1).strip('"'), number)
                rest = line[key.end():]
                for quote in ('"""', "'''"):
                    if rest.count(quote) % 2 == 1:
                        open_quote = quote
                        break

    def line(self, table: TableKey, key: str = "") -> int:
        """The line of `key` in `table`, else the table's header line, else 1."""
        while True:
            found = self.tables.get(table)
            if found:
                if key in found:
                    return found[key]
                if "" in found:
                    return found[""]
            if not table:
                return 1
            table, key = table[:-1], ""


def loads(text: str, source: str, error: type[ProblemError] = ProblemError) -> dict:
    """tomllib.loads, with a syntax error raised as `error` at its file:line. The line comes from
    tomllib's message ("at line N"): TOMLDecodeError has no line attribute before Python 3.14."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        line = int(found.group(1)) if found else 1
        raise error([Problem(source, line, f"fila er ikke gyldig TOML: {exc}")]) from None
