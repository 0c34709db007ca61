"""The engine as plain JSON values: what the browser widget calls through Pyodide.

Every function takes and returns JSON values and never raises on input from a
URL or a person. Views carry ids and what is computed (the state, the chosen
answers, errors, number descriptions), never texts copied from the trees: the
build renders every tree text once, keyed by the same ids (hooks/tree_pages.py).

A view:
    tree       the tree's slug
    state      the canonical state string, for the address (`?svar=`)
    status     "question" | "outcome" | "invalid"
    node       the id of the question to ask or the outcome reached
    selected   the answer to show as chosen: an option id, or {field id: text}
    errors     {field id or "_": message} for the answer just given
    asked      the question's place in the walk, from 1
    answers    the answers so far, [{question, option, text}]; `text` describes a number answer
    can_go_back
    invalid    why the view is invalid: "link" or "tree"
    changed    {"from", "to"}: the guideline version the link was made under, when it is not today's
    dropped    how many of the link's answers no longer apply (they are asked again)
"""

from __future__ import annotations

import json

from . import catalog, engine, numbers
from .engine import State
from .model import Question, Tree
from .state import Decoded, decode, encode

METHODS = ("load", "view", "answer", "back", "change")


def dispatch(method: str, args_json: str) -> str:
    """The worker's one entry point: a method of this module by name, JSON arguments in, JSON out."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}")
    return json.dumps(globals()[method](*json.loads(args_json)), ensure_ascii=False)


def load(bundle_json: str) -> list[str]:
    """Serve the trees of the build's bundle (the browser has no TOML files); returns the slugs."""
    catalog.use_bundle(json.loads(bundle_json))
    return list(catalog.current().trees)


def _version() -> str:
    return catalog.current().guideline.version


# A view's fields as they are before anything is known (module docstring).
_BLANK: dict[str, object] = {"state": "", "node": None, "selected": None, "errors": {}, "asked": 0, "answers": [],
          "can_go_back": False, "invalid": None, "changed": None, "dropped": 0}


def _invalid(slug: object, reason: str) -> dict:
    return {**_BLANK, "tree": slug if isinstance(slug, str) else "", "status": "invalid", "invalid": reason}


def _selected(question: Question, value):
    if value is None or question.kind == "choice":
        return value
    return numbers.display_values(question, value)


def _view(tree: Tree, state: State, errors: dict | None = None, typed=None, decoded: Decoded | None = None) -> dict:
    at = engine.position(tree, state)
    node = at.current
    if node is None:  # callers pass states that fit the tree; never crash on one that does not
        return _invalid(tree.slug, "link")
    answers = [
        {"question": s.question.id, "option": s.option.id,
         "text": None if s.question.kind == "choice" else engine.answer_text(s)}
        for s in at.steps
    ]
    view = {
        **_BLANK,
        "tree": tree.slug,
        "state": encode(tree, state, _version()),
        "status": "question" if isinstance(node, Question) else "outcome",
        "node": node.id,
        "errors": dict(errors or {}),
        "answers": answers,
        "can_go_back": bool(state.answers) and state.cursor != 0,
        "dropped": decoded.dropped if decoded else 0,
    }
    if decoded and decoded.version and decoded.version != _version():
        view["changed"] = {"from": decoded.version, "to": _version()}
    if isinstance(node, Question):
        stored = dict(state.answers).get(node.id) if state.cursor is not None else None
        view["selected"] = typed if typed is not None else _selected(node, stored)
        view["asked"] = (state.cursor if state.cursor is not None else len(at.steps)) + 1
    return view


def _load(slug: object, state: object):
    """(tree, Decoded) or (None, invalid view)."""
    tree = catalog.get(slug)
    if tree is None:
        return None, _invalid(slug, "tree")
    decoded = decode(tree, "" if state is None else state, _version())
    if decoded is None:
        return None, _invalid(slug, "link")
    return tree, decoded


def view(slug: str, state: str) -> dict:
    """The view a state (from an address) stands for; says so when the link was made for older trees."""
    tree, decoded = _load(slug, state)
    return decoded if tree is None else _view(tree, decoded.state, decoded=decoded)


def answer(slug: str, state: str, question_id: str, value) -> dict:
    """value: an option id (choice), or {field_id: text as typed} (number)."""
    tree, decoded = _load(slug, state)
    if tree is None:
        return decoded
    new_state, errors = engine.answer(tree, decoded.state, question_id, value)
    if errors:
        typed = {str(k): "" if v is None else str(v) for k, v in value.items()} if isinstance(value, dict) else None
        return _view(tree, decoded.state, errors, typed)
    return _view(tree, new_state)


def back(slug: str, state: str) -> dict:
    tree, decoded = _load(slug, state)
    return decoded if tree is None else _view(tree, engine.back(tree, decoded.state))


def change(slug: str, state: str, question_id: str) -> dict:
    tree, decoded = _load(slug, state)
    if tree is None:
        return decoded
    new_state, errors = engine.change(tree, decoded.state, question_id)
    return _view(tree, new_state, errors)
