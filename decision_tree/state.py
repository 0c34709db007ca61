"""State <-> a short, URL-safe string. Decoding never raises.

Format (every character is URL-unreserved):

    1 <fingerprint: 6 hex> ( "." <answer> )* [ "~" <cursor> [ "e" ] ]

- "1" is the format version.
- The fingerprint hashes the tree's structure (ids, options, targets, number
  rules), so a link made for an older tree is recognised as outdated, while
  wording changes keep links working.
- A choice answer is the option's position in base 36; a number answer is the
  scaled integers joined by "_". Answers are in path order, so no ids are needed.
- "~n" is the cursor (the answer being revisited); "e" marks a change ("Endre").

Only the canonical form is accepted, so decode(encode(s)) == s both ways.
"""

from __future__ import annotations

import hashlib
import json
import re

from .engine import State, current, is_valid
from .model import Tree

FORMAT = "1"
MAX_LENGTH = 1000
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_SHAPE = re.compile(r"^1([0-9a-f]{6})((?:\.[0-9a-z_]+)*)(?:~(0|[1-9][0-9]{0,3})(e?))?$")
_INT = re.compile(r"^(0|[1-9][0-9]{0,8})$")


def fingerprint(tree: Tree) -> str:
    """6 hex digits over everything an encoded answer depends on."""
    shape = {
        "slug": tree.slug,
        "start": tree.start,
        "questions": [
            [
                q.id,
                q.kind,
                [[o.id, o.next, str(o.below)] for o in q.options],
                [[f.id, str(f.min), str(f.max), f.decimals] for f in q.fields],
                q.numerator,
                q.denominator,
                str(q.max_value),
            ]
            for q in sorted(tree.questions.values(), key=lambda q: q.id)
        ],
        "outcomes": sorted(tree.outcomes),
    }
    return hashlib.sha256(json.dumps(shape, sort_keys=True).encode()).hexdigest()[:6]


def encode(tree: Tree, state: State) -> str:
    parts = [FORMAT + fingerprint(tree)]
    for question_id, value in state.answers:
        question = tree.questions[question_id]
        if question.kind == "choice":
            index = [o.id for o in question.options].index(value)
            parts.append(_DIGITS[index])
        else:
            parts.append("_".join(str(v) for v in value))
    text = ".".join(parts)
    if state.cursor is not None:
        text += f"~{state.cursor}" + ("e" if state.returning else "")
    return text


def decode(tree: Tree, text: object) -> State | None:
    """The State a string stands for, or None if it is malformed, tampered or outdated."""
    try:
        return _decode(tree, text)
    except Exception:  # noqa: BLE001 - a link from outside must never crash the engine
        return None


def _decode(tree: Tree, text: object) -> State | None:
    if not isinstance(text, str):
        return None
    if text == "":
        return State()
    if len(text) > MAX_LENGTH:
        return None
    match = _SHAPE.match(text)
    if not match or match.group(1) != fingerprint(tree):
        return None
    tokens = match.group(2).split(".")[1:] if match.group(2) else []
    answers = []
    # Follow the path: each token answers the question the previous one led to.
    node = tree.questions.get(tree.start)
    for token in tokens:
        if node is None:
            return None
        if node.kind == "choice":
            if len(token) != 1 or token not in _DIGITS or _DIGITS.index(token) >= len(node.options):
                return None
            option = node.options[_DIGITS.index(token)]
            value = option.id
        else:
            pieces = token.split("_")
            if len(pieces) != len(node.fields) or not all(_INT.match(p) for p in pieces):
                return None
            value = tuple(int(p) for p in pieces)
        answers.append((node.id, value))
        state_so_far = State(tuple(answers))
        if not is_valid(tree, state_so_far):
            return None
        nxt = current(tree, state_so_far)
        node = nxt if nxt is not None and nxt.id in tree.questions else None
    cursor = match.group(3)
    state = State(tuple(answers), int(cursor) if cursor is not None else None, bool(match.group(4)))
    if state.returning and state.cursor is None:
        return None
    return state if is_valid(tree, state) else None
