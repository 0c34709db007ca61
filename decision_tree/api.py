"""The engine as plain JSON values: what the browser widget calls through Pyodide.

Every function takes and returns JSON-serialisable values (str, dict, list,
int, float, bool, None) and never raises on input from a URL or a person.
Texts in views are Markdown; the build writes their HTML, keyed by the same
ids, into each tree's tree.json (see hooks/tree_pages.py).
"""

from __future__ import annotations

from fractions import Fraction

from . import engine, numbers, registry
from .engine import State
from .model import Question, Tree
from .paths import outcome_document
from .receipt import render as _render_receipt
from .state import decode, encode, fingerprint

INVALID_LINK = "Lenken er ugyldig eller utdatert. Start på nytt."
UNKNOWN_TREE = "Fant ikke dette beslutningstreet. Gå til oversikten over beslutningstrær."


def _number(value: Fraction | None):
    if value is None:
        return None
    return int(value) if value.denominator == 1 else float(value)


def list_trees() -> list[dict]:
    return [{"slug": t.slug, "title": t.title, "description": t.description} for t in registry.trees().values()]


def _question(question: Question, selected) -> dict:
    return {
        "id": question.id,
        "kind": question.kind,
        "text": question.text,
        "hint": question.hint,
        "options": [{"id": o.id, "label": o.label} for o in question.options] if question.kind == "choice" else [],
        "fields": [
            {
                "id": f.id,
                "label": f.label,
                "unit": f.unit,
                "min": _number(f.min),
                "max": _number(f.max),
                "decimals": f.decimals,
            }
            for f in question.fields
        ],
        "selected": selected,
    }


def _answers(tree: Tree, state: State) -> list[dict]:
    return [
        {
            "question_id": step.question.id,
            "question": step.question.text,
            "answer": engine.answer_text(step),
            "option_id": step.option.id,
        }
        for step in engine.steps_of(tree, state)
    ]


def _selected(question: Question, value):
    if value is None:
        return None
    if question.kind == "choice":
        return value
    return numbers.display_values(question, value)


def _invalid(slug: object, message: str, tree: Tree | None = None) -> dict:
    return {
        "tree": slug if isinstance(slug, str) else "",
        "tree_title": tree.title if tree else "",
        "state": "",
        "status": "invalid",
        "question": None,
        "errors": {},
        "message": message,
        "answers": [],
        "outcome": None,
        "can_go_back": False,
        "fingerprint": fingerprint(tree) if tree else "",
    }


def _view(tree: Tree, state: State, errors: dict | None = None, typed=None) -> dict:
    common = registry.common()
    node = engine.current(tree, state)
    answers = _answers(tree, state)
    view = {
        "tree": tree.slug,
        "tree_title": tree.title,
        "state": encode(tree, state),
        "status": "question",
        "question": None,
        "errors": dict(errors or {}),
        "message": None,
        "answers": answers,
        "outcome": None,
        "can_go_back": bool(state.answers) and state.cursor != 0,
        "fingerprint": fingerprint(tree),
    }
    if isinstance(node, Question):
        stored = dict(state.answers).get(node.id) if state.cursor is not None else None
        selected = typed if typed is not None else _selected(node, stored)
        view["question"] = _question(node, selected)
        return view
    view["status"] = "outcome"
    view["outcome"] = {
        **outcome_document(node, common),
        "certainty_description": common.certainties[node.certainty].description,
        "next_step_ids": list(node.next_steps),
        "why": answers,
    }
    return view


def _load(slug: object, state: object):
    """(tree, State) or (None, invalid view)."""
    tree = registry.get(slug)
    if tree is None:
        return None, _invalid(slug, UNKNOWN_TREE)
    decoded = decode(tree, "" if state is None else state)
    if decoded is None:
        return None, _invalid(slug, INVALID_LINK, tree)
    return tree, decoded


def start(slug: str) -> dict:
    return view(slug, "")


def view(slug: str, state: str) -> dict:
    tree, loaded = _load(slug, state)
    return loaded if tree is None else _view(tree, loaded)


def answer(slug: str, state: str, question_id: str, value) -> dict:
    """value: an option id (choice), or {field_id: text as typed} (number)."""
    tree, loaded = _load(slug, state)
    if tree is None:
        return loaded
    if hasattr(value, "to_py"):  # a JsProxy from the worker
        try:
            value = value.to_py()
        except Exception:  # noqa: BLE001 - unconvertible input is just bad input
            value = None
    new_state, errors = engine.answer(tree, loaded, question_id, value)
    if errors:
        typed = {str(k): "" if v is None else str(v) for k, v in value.items()} if isinstance(value, dict) else None
        return _view(tree, loaded, errors, typed)
    return _view(tree, new_state)


def back(slug: str, state: str) -> dict:
    tree, loaded = _load(slug, state)
    return loaded if tree is None else _view(tree, engine.back(tree, loaded))


def change(slug: str, state: str, question_id: str) -> dict:
    tree, loaded = _load(slug, state)
    if tree is None:
        return loaded
    new_state, errors = engine.change(tree, loaded, question_id)
    return _view(tree, new_state, errors)


def receipt(slug: str, state: str, link: str = "", extra: dict | None = None) -> str:
    """The plain-text receipt. `link` is the tree page's address; `?svar=<state>` is added.

    `extra` maps names used as (extra:name) link targets to addresses (tree.json
    carries them), so links in the receipt are real addresses.
    """
    tree, loaded = _load(slug, state)
    if tree is None:
        return loaded["message"]
    if hasattr(extra, "to_py"):
        extra = extra.to_py()
    return _render_receipt(tree, loaded, registry.common(), link if isinstance(link, str) else "",
                           extra if isinstance(extra, dict) else {})
