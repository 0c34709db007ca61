"""The engine: pure functions over an immutable State.

A State holds the answers along the current path, in order, plus an optional
cursor: the index of an answered question the person went back to.
- `back` moves the cursor one step up; answering then steps forward one
  question at a time, showing each kept answer (GOV.UK's "back").
- `change` sets the cursor with `returning`; answering then goes straight on
  to the first unanswered question or the outcome ("check answers" / "Endre").
Either way, answers further down that still lie on the new path are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import numbers
from .model import Option, Outcome, Question, Tree

Value = str | tuple[int, ...]  # option id, or scaled numbers


@dataclass(frozen=True)
class State:
    answers: tuple[tuple[str, Value], ...] = ()  # (question id, value), in path order
    cursor: int | None = None
    returning: bool = False


@dataclass(frozen=True)
class Step:
    question: Question
    value: Value
    option: Option


def resolve(question: Question, value: Value) -> Option | None:
    """The option an answer leads through, or None if the value does not fit."""
    if question.kind == "choice":
        return question.option(value) if isinstance(value, str) else None
    if not isinstance(value, tuple) or len(value) != len(question.fields):
        return None
    if numbers.check_scaled(question, value):
        return None
    return numbers.pick_option(question, value)


def walk(tree: Tree, answers: dict[str, Value] | tuple[tuple[str, Value], ...]):
    """Follow answers from the start. Returns (steps, node where the walk stops).

    `answers` may be a mapping (use what applies, ignore the rest) or the
    ordered tuple of a State (then every answer must be used, in order;
    otherwise the node returned is None).
    """
    ordered = isinstance(answers, tuple)
    lookup = dict(answers)
    steps: list[Step] = []
    node = tree.node(tree.start)
    seen: set[str] = set()
    while isinstance(node, Question) and node.id in lookup and node.id not in seen:
        seen.add(node.id)
        if ordered and (len(steps) >= len(answers) or answers[len(steps)][0] != node.id):
            return steps, None
        option = resolve(node, lookup[node.id])
        if option is None:
            return steps, None if ordered else node
        steps.append(Step(node, lookup[node.id], option))
        node = tree.node(option.next)
    if ordered and len(steps) != len(answers):
        return steps, None
    return steps, node


def is_valid(tree: Tree, state: State) -> bool:
    steps, node = walk(tree, state.answers)
    if node is None:
        return False
    return state.cursor is None or 0 <= state.cursor < len(steps)


def current(tree: Tree, state: State) -> Question | Outcome | None:
    """The node to show: the cursor's question, else where the walk stops."""
    steps, node = walk(tree, state.answers)
    if state.cursor is not None and node is not None and 0 <= state.cursor < len(steps):
        return steps[state.cursor].question
    return node


def start() -> State:
    return State()


def answer(tree: Tree, state: State, question_id: str, raw: object) -> tuple[State, dict[str, str]]:
    """Answer the current question. Returns (new state, {}) or (same state, errors)."""
    node = current(tree, state)
    if not isinstance(node, Question) or node.id != question_id:
        return state, {"_": "Dette spørsmålet er ikke det som står for tur. Last siden på nytt."}
    if node.kind == "choice":
        if not isinstance(raw, str) or node.option(raw) is None:
            return state, {"_": "Velg ett av svaralternativene."}
        value: Value = raw
    else:
        parsed, errors = numbers.parse_answer(node, raw)
        if errors:
            return state, errors
        value = parsed
    before = dict(state.answers)
    before[node.id] = value
    # Keep every earlier or later answer that still lies on the new path.
    steps, _ = walk(tree, before)
    answers = tuple((s.question.id, s.value) for s in steps)
    position = next((i for i, s in enumerate(steps) if s.question.id == node.id), None)
    if position is None:  # only a broken tree gets here; check.py rejects those
        return state, {"_": "Svaret passer ikke til noe alternativ."}
    cursor = None
    if state.cursor is not None and not state.returning and position + 1 < len(answers):
        cursor = position + 1
    return State(answers, cursor, False), {}


def back(tree: Tree, state: State) -> State:
    if state.cursor is not None:
        return replace(state, cursor=max(state.cursor - 1, 0), returning=False)
    if not state.answers:
        return state
    return State(state.answers, len(state.answers) - 1, False)


def change(tree: Tree, state: State, question_id: str) -> tuple[State, dict[str, str]]:
    for index, (qid, _) in enumerate(state.answers):
        if qid == question_id:
            return State(state.answers, index, True), {}
    return state, {"_": "Det spørsmålet har du ikke svart på ennå."}


def steps_of(tree: Tree, state: State) -> list[Step]:
    steps, _ = walk(tree, state.answers)
    return steps


def answer_text(step: Step) -> str:
    if step.question.kind == "choice":
        return step.option.label
    return numbers.describe(step.question, step.value)
