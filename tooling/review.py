"""Which answers rest on guideline text that changed since HR last read them: «må gjennomgås».

An *answer* is a tree outcome or an FAQ entry. It rests on
- the guideline anchors it cites (its quotes; an FAQ entry's links to the guideline too): a change
  anywhere in such an anchor's text (a sentence changed, added or removed, a list item, a heading
  below it) touches the answer; and
- its topic words, if it declares any (an answer that says the guideline is silent must): a new
  guideline text that uses one of them may end that silence, so it touches the answer too.

HR reads a touched answer against the new text, corrects it if needed, and records it as reviewed
for that version in the ledger, content/review.toml:

    "0.03" = ["faq#utstyr", "beslutningstre/utstyr#utlan"]

An answer counts as reviewed against the newest version the ledger lists it under, else against
the oldest version in kilde/ (every answer the site had before the ledger was written against it).

- `answers(content) -> list[Answer]`: every answer of the trees and of docs/faq.md.
- `load_ledger(path, versions, known) -> (Ledger, problems)`: the ledger, with file:line problems
  for an unknown version or answer.
- `findings(content, answers, ledger) -> list[Finding]`: what touches each answer since its review.
- `problems(content) -> list[Problem]`: the above as file:line lines for `make sjekk` and the build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from guideline import diff, tomllines
from guideline.problems import Problem, ProblemError, display_path
from guideline.text import version_key, words
from guideline.tomllines import LineIndex
from guideline.versions import Change, Version, changes

from . import faq
from .registry import Content

FAQ_PAGE = "faq.md"
MUST_REVIEW = "må gjennomgås:"  # how each of this check's lines begins
CONTEXT_WORDS = 3


@dataclass(frozen=True)
class Answer:
    key: str  # "faq#utstyr", "beslutningstre/utstyr#utlan": where it is on the site
    title: str
    source: str
    line: int
    anchors: tuple[str, ...]
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Ledger:
    reviewed: dict[str, dict[str, int]] = field(default_factory=dict)  # version -> {answer key: its line}
    source: str = "content/review.toml"

    def version_of(self, key: str, versions: list[str]) -> str:
        """The newest version `key` was reviewed against; the oldest version if it never was."""
        listed = [v for v, keys in self.reviewed.items() if key in keys and v in versions]
        return max(listed, key=version_key) if listed else versions[0]


@dataclass(frozen=True)
class Finding:
    answer: Answer
    since: str  # the version the answer was last read against
    version: str  # the newest version
    anchor: str  # where the text changed
    why: str  # in Norwegian: the anchor it rests on and the words old → new, or the topic word now used


def answers(content: Content) -> list[Answer]:
    found = [
        Answer(f"beslutningstre/{tree.slug}#{outcome.id}", outcome.title, tree.source, outcome.line,
               tuple(dict.fromkeys(c.anchor for c in outcome.citations)), outcome.topics)
        for tree in content.trees.values() for outcome in tree.outcomes.values()
    ]
    page = content.project.docs / FAQ_PAGE
    if page.is_file():
        found += [Answer(e.key, e.title, e.source, e.line, e.anchors, e.topics) for e in faq.entries(page)]
    return found


def load_ledger(path: Path, versions: list[str], known: set[str]) -> tuple[Ledger, list[Problem]]:
    source = display_path(path)
    if not path.is_file():
        return Ledger(source=source), []
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllines.loads(text, source)
    except ProblemError as exc:
        return Ledger(source=source), exc.problems
    lines = LineIndex(text)
    problems: list[Problem] = []
    reviewed: dict[str, dict[str, int]] = {}
    for version, keys in data.items():
        line = lines.line((), version)
        if version not in versions:
            problems.append(Problem(source, line, f"versjon «{version}» finnes ikke i kilde/ "
                                                  f"(der er: {', '.join(versions)})"))
            continue
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            problems.append(Problem(source, line, f"«{version}» må være en liste med svar, for eksempel "
                                                  '["faq#utstyr", "beslutningstre/utstyr#utlan"]'))
            continue
        reviewed[version] = {}
        for key in keys:
            at = _line_of(text, key, line)
            if key not in known:
                problems.append(Problem(source, at, f"svaret «{key}» finnes ikke (skrivefeil, eller er det fjernet?)"))
            reviewed[version][key] = at
    return Ledger(reviewed, source), problems


def _line_of(text: str, key: str, after: int) -> int:
    """The line where `"key"` is written, at or after `after` (a version's list)."""
    quoted = f'"{key}"'
    return next((n for n, line in enumerate(text.splitlines(), 1) if n >= after and quoted in line), after)


def findings(content: Content, found: Iterable[Answer], ledger: Ledger) -> list[Finding]:
    numbers = [v.number for v in content.versions]
    by_number = {v.number: v for v in content.versions}
    newest = content.newest
    cache: dict[str, list[Change]] = {}
    out: list[Finding] = []
    for answer in found:
        since = ledger.version_of(answer.key, numbers)
        if since == newest.number:
            continue
        if since not in cache:
            cache[since] = changes(by_number[since].document, newest.document)
        seen: set[str] = set()
        for change in cache[since]:
            why = _touches(answer, change, by_number[since], newest)
            if why and change.anchor not in seen:
                seen.add(change.anchor)
                out.append(Finding(answer, since, newest.number, change.anchor, why))
    return out


def _touches(answer: Answer, change: Change, old: Version, new: Version) -> str:
    """How `change` touches `answer` (Norwegian, for HR), or "" when it does not."""
    document = old.document if change.kind == "removed" else new.document
    rests_on = [a for a in document.chain(change.anchor) if a in answer.anchors]
    if rests_on:
        where = f" (under «{change.anchor}»)" if change.anchor != rests_on[-1] else ""
        return (f"bygger på «{rests_on[-1]}», som er endret fra versjon {old.number} til {new.number}{where}: "
                f"{_describe(change, new.number)}")
    inserted = change.new if change.kind == "added" else " ".join(
        text for op, text in change.segments if op == "insert")
    used = [topic for topic in answer.topics if _uses(inserted, topic)]
    if used:
        named = ", ".join(f"«{t}»" for t in used)
        return (f"svaret sier at retningslinjen ikke omtaler {named}, men versjon {new.number} gjør det nå "
                f"(under «{change.anchor}»): {_describe(change, new.number)}")
    return ""


def _uses(text: str, topic: str) -> bool:
    """Whether `text` has the topic's words in a row, each as the start of a word ("taushet" finds
    "taushetsbelagte", "skrive ut" finds "skrives ut")."""
    have, want = words(text), words(topic)
    return bool(want) and any(
        all(have[i + j].startswith(w) for j, w in enumerate(want)) for i in range(len(have) - len(want) + 1))


def _describe(change: Change, version: str) -> str:
    if change.kind == "added":
        return f"ny tekst i versjon {version}: «{_short(change.new)}»"
    if change.kind == "removed":
        return f"fjernet i versjon {version} (teksten var: «{_short(change.old)}»)"
    return "; ".join(f"«{old}» → «{new}»" for old, new in edits(change.old, change.new))


def edits(old: str, new: str) -> list[tuple[str, str]]:
    """The changed words of `old` → `new`, each edit with a few unchanged words around it."""
    segments = diff.segments(old, new)
    out = []
    index = 0
    while index < len(segments):
        if segments[index][0] == "equal":
            index += 1
            continue
        before = _tail(segments[index - 1][1]) if index and segments[index - 1][0] == "equal" else ""
        gone, came = "", ""
        while index < len(segments) and segments[index][0] != "equal":
            op, text = segments[index]
            gone, came = (gone + text, came) if op == "delete" else (gone, came + text)
            index += 1
        after = _head(segments[index][1]) if index < len(segments) else ""
        out.append(((before + gone + after).strip(), (before + came + after).strip()))
    return out


def _tail(text: str) -> str:
    parts = re.findall(r"\s*\S+", text)
    return "".join(parts[-CONTEXT_WORDS:])


def _head(text: str) -> str:
    parts = re.findall(r"\s*\S+", text)
    return "".join(parts[:CONTEXT_WORDS])


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def problems(content: Content) -> list[Problem]:
    found = answers(content)
    numbers = [v.number for v in content.versions]
    ledger, problems = load_ledger(content.project.review, numbers, {a.key for a in found})
    for finding in findings(content, found, ledger):
        a = finding.answer
        problems.append(Problem(a.source, a.line, (
            f"{MUST_REVIEW} «{a.title}» ({a.key}) {finding.why}. Når svaret er lest mot den nye teksten og "
            f"rettet, skriv \"{a.key}\" i lista for \"{finding.version}\" i {ledger.source}.")))
    return problems
