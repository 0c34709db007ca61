"""HR's everyday words for the search: content/search-words.toml, one `[[ord]]` per entry, each with a
comment right above it saying what it is for (the file's own comments explain it in Norwegian).

- `skriver`: what people type («sjefen», «pcen»); `betyr`: the site's words for it («leder», «PC»);
  `svar`: the sections that really answer it (`faq/#id`, `retningslinje/#anchor`, `beslutningstre/<tre>/`).
- `load(path) -> list[dict]`: every entry with its `line`; a broken file raises SearchWordsError
  with file:line messages. The build (hooks/search_index.py) also checks that every `svar` exists.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from guideline.problems import display_path

FILE_NAME = "search-words.toml"  # in content/
KEYS = ("skriver", "betyr", "svar")


class SearchWordsError(Exception):
    """The file cannot be used; the message lists each problem with file:line, in Norwegian."""


def load(path: Path) -> list[dict]:
    name = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SearchWordsError(f"Fant ikke {name}: søkeordene nettstedet bruker.") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SearchWordsError(f"{name}: {exc}") from None
    lines = text.splitlines()
    starts = [n for n, line in enumerate(lines, 1) if line.strip() == "[[ord]]"]
    entries = data.get("ord", [])
    problems = []
    if set(data) - {"ord"}:
        problems.append(f"{name}: ukjent innhold {sorted(set(data) - {'ord'})}; hver oppføring begynner med [[ord]]")
    for entry, line in zip(entries, starts):
        where = f"{name}:{line}"
        before = lines[line - 2].strip() if line > 1 else ""
        if not before.startswith("#") or not before.lstrip("# ").strip():
            problems.append(f"{where}: skriv en kommentar (# …) rett over [[ord]] som forklarer oppføringen")
        for key in KEYS:
            value = entry.get(key)
            if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
                problems.append(f"{where}: «{key}» må være en liste med minst ett ord i anførselstegn")
        unknown = set(entry) - set(KEYS)
        if unknown:
            problems.append(f"{where}: ukjent felt {sorted(unknown)} (bare skriver, betyr og svar)")
        entry["line"] = line
    if problems:
        raise SearchWordsError("Søkeordene har feil:\n" + "\n".join(problems))
    return entries
