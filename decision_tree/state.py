"""State <-> a short, readable, URL-safe string (the `?svar=` of a link). Decoding never raises.

Format 2 (every character is URL-unreserved):

    "v" <guideline version> ( "_" <question id> "." <answer> )* [ "~" <cursor> [ "e" ] ]

- The guideline version the link was made under, so a link opened after the
  guideline changed can say so.
- Answers name their question and option by id, in path order; a number
  answer is the scaled integers joined by "-". Ids, not positions: when a tree
  changes, the answers that still apply (same question, same option) replay,
  and the walk asks again where they stop applying.
- "~n" is the cursor (the answer being revisited); "e" marks a change ("Endre").

Format 1 (the site's first links, made under guideline version 0.01) named
options by position under a fingerprint of the tree's shape. Those shapes are
frozen in legacy-v1.json, so such links still replay.

The empty string is the start.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from .engine import State, Value, position, replay, state_of
from .model import Tree

MAX_LENGTH = 1000
_V2 = re.compile(r"^v(\d{1,4}(?:\.\d{1,4}){0,3})((?:_[a-z0-9-]{1,60}\.[a-z0-9-]{1,60})*)(?:~(0|[1-9]\d{0,3})(e?))?$")
_NUMBERS = re.compile(r"^(0|[1-9]\d{0,8})(?:-(0|[1-9]\d{0,8}))*$")
_V1 = re.compile(r"^1([0-9a-f]{6})((?:\.[0-9a-z_]+)*)(?:~(0|[1-9][0-9]{0,3})(e?))?$")
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
LEGACY_VERSION = "0.01"  # format 1 existed only under this guideline version
_LEGACY_FILE = Path(__file__).with_name("legacy-v1.json")


@dataclass(frozen=True)
class Decoded:
    state: State
    version: str  # the guideline version the link was made under ("" for the start)
    dropped: int = 0  # answers in the link that no longer apply to the tree


def encode(tree: Tree, state: State, version: str) -> str:
    if not state.answers and state.cursor is None:
        return ""
    parts = [f"v{version}"]
    for question_id, value in state.answers:
        text = value if isinstance(value, str) else "-".join(str(v) for v in value)
        parts.append(f"{question_id}.{text}")
    text = "_".join(parts)
    if state.cursor is not None:
        text += f"~{state.cursor}" + ("e" if state.returning else "")
    return text


def decode(tree: Tree, text: object, version: str) -> Decoded | None:
    """What a link's state means for today's tree, or None if it is malformed or tampered with."""
    try:
        return _decode(tree, text, version)
    except Exception:
        return None


def _decode(tree: Tree, text: object, version: str) -> Decoded | None:
    if not isinstance(text, str):
        return None
    if text == "":
        return Decoded(State(), "")
    if len(text) > MAX_LENGTH:
        return None
    parsed = _parse_v2(tree, text) or _parse_v1(tree, text)
    if parsed is None:
        return None
    made_under, answers, cursor, returning = parsed
    exact = State(tuple(answers), cursor, returning)
    if made_under == version and position(tree, exact).valid:
        return Decoded(exact, made_under)
    # Made for another version or another shape of the tree: keep what still applies.
    steps = replay(tree, dict(answers))
    return Decoded(state_of(steps), made_under, len(answers) - len(steps))


def _parse_v2(tree: Tree, text: str):
    match = _V2.match(text)
    if not match:
        return None
    answers: list[tuple[str, Value]] = []
    for token in match.group(2).split("_")[1:]:
        question_id, _, raw = token.partition(".")
        question = tree.questions.get(question_id)
        if question is not None and question.kind == "number":
            if not _NUMBERS.match(raw):
                return None
            value: Value = tuple(int(v) for v in raw.split("-"))
        else:
            value = raw
        answers.append((question_id, value))
    cursor = match.group(3)  # "e" (group 4) only ever follows "~n"
    return match.group(1), answers, None if cursor is None else int(cursor), bool(match.group(4))


_legacy: dict | None = None


def _parse_v1(tree: Tree, text: str):
    """A format-1 link, read against the tree's shape when it was made."""
    global _legacy
    match = _V1.match(text)
    if not match:
        return None
    if _legacy is None:
        _legacy = json.loads(_LEGACY_FILE.read_text(encoding="utf-8"))
    shape = _legacy.get(match.group(1))
    if shape is None or shape["tree"] != tree.slug:
        return None
    answers: list[tuple[str, Value]] = []
    node = shape["start"]
    for token in match.group(2).split(".")[1:]:
        question = shape["questions"].get(node)
        if question is None:
            return None
        if "fields" in question:
            values = tuple(int(v) for v in token.split("_"))
            if len(values) != len(question["fields"]):
                return None
            answers.append((node, values))
            node = _legacy_range(question, values)
        else:
            index = _DIGITS.find(token) if len(token) == 1 else -1
            if not 0 <= index < len(question["options"]):
                return None
            option_id, target = question["options"][index]
            answers.append((node, option_id))
            node = target
    cursor = match.group(3)
    return LEGACY_VERSION, answers, None if cursor is None else int(cursor), bool(match.group(4))


def _legacy_range(question: dict, values: tuple[int, ...]) -> str | None:
    """Where a format-1 number answer led: the first range its computed value falls in."""
    by_id = {fid: Fraction(v, 10**decimals) for (fid, decimals), v in zip(question["fields"], values)}
    top, bottom = question["value"]
    value = by_id.get(top)
    if value is None or (bottom and not by_id.get(bottom)):
        return None
    if bottom:
        value /= by_id[bottom]
    for (_, target), below in zip(question["options"], question["below"]):
        if below is None or value < Fraction(below):
            return target
    return None
