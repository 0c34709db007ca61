"""The engine: pure functions over an immutable State.

A State holds the answers along the current path, in order, plus an optional
cursor: the index of an answered question the person went back to.
- `back` moves the cursor one step up; answering then steps forward one
  question at a time, showing each kept answer (GOV.UK's "back").
- `change` sets the cursor with `returning`; answering then goes straight on
  to the first unanswered question or the outcome ("check answers" / "Endre").
Either way, answers further down that still lie on the new path are kept.

Every walk through a tree is `follow`: from the start, one question at a time,
asking a picker for that question's answer. `position` is the walk of a State;
`answer` and `replay` walk a set of answers by question id.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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


@dataclass(frozen=True)
class Position:
    """Where a State stands in its tree."""

    steps: tuple[Step, ...]  # the answered questions on the path, in order
    end: Question | Outcome | None  # where the answers lead; None if they do not fit the tree
    cursor: int | None = None

    @property
    def valid(self) -> bool:
        return self.end is not None and (self.cursor is None or 0 <= self.cursor < len(self.steps))

    @property
    def current(self) -> Question | Outcome | None:
        """The node to show: the cursor's question, else where the answers lead."""
        if not self.valid:
            return None
        return self.steps[self.cursor].question if self.cursor is not None else self.end


def resolve(question: Question, value: Value) -> Option | None:
    """The option an answer leads through, or None if the value does not fit."""
    if question.kind == "choice":
        return question.option(value) if isinstance(value, str) else None
    if not isinstance(value, tuple) or len(value) != len(question.fields):
        return None
    if numbers.check_scaled(question, value):
        return None
    return numbers.pick_option(question, value)


Picker = Callable[[Question, int], Value | None]  # (question, steps so far) -> its answer, or None to stop


def follow(tree: Tree, pick: Picker) -> tuple[tuple[Step, ...], Question | Outcome | None, bool]:
    """The one walk. Returns (steps, the node it stops at, whether an answer did not fit there)."""
    steps: list[Step] = []
    node = tree.node(tree.start)
    # A checked tree has no cycles; the bound keeps an unchecked one from looping forever.
    while isinstance(node, Question) and len(steps) <= len(tree.questions):
        value = pick(node, len(steps))
        if value is None:
            break
        option = resolve(node, value)
        if option is None:
            return tuple(steps), node, True
        steps.append(Step(node, value, option))
        node = tree.node(option.next)
    return tuple(steps), node, False


def position(tree: Tree, state: State) -> Position:
    """The walk of a State: every answer must be the next question's, in order, and fit."""
    answers = state.answers

    def pick(question: Question, n: int):
        return answers[n][1] if n < len(answers) and answers[n][0] == question.id else None

    steps, node, misfit = follow(tree, pick)
    if misfit or len(steps) != len(answers):
        node = None
    return Position(steps, node, state.cursor)


def replay(tree: Tree, answers: Mapping[str, Value]) -> tuple[Step, ...]:
    """The answers that still apply, by question id, from the start up to the first that does not."""
    steps, _, _ = follow(tree, lambda question, n: answers.get(question.id))
    return steps


def state_of(steps: tuple[Step, ...]) -> State:
    return State(tuple((s.question.id, s.value) for s in steps))


def answer(tree: Tree, state: State, question_id: str, raw: object) -> tuple[State, dict[str, str]]:
    """Answer the current question. Returns (new state, {}) or (same state, errors)."""
    at = position(tree, state)
    node = at.current
    if not isinstance(node, Question) or node.id != question_id:
        return state, {"_": "Dette spørsmålet er ikke det som står for tur. Last siden på nytt."}
    if node.kind == "choice":
        if not isinstance(raw, str) or node.option(raw) is None:
            return state, {"_": "Velg ett av svaralternativene."}
        value: Value = raw
    else:
        parsed, errors = numbers.parse_answer(node, raw)
        if errors or parsed is None:
            return state, errors
        value = parsed
    # Keep every earlier or later answer that still lies on the new path.
    steps = replay(tree, {**dict(state.answers), node.id: value})
    index = next(i for i, s in enumerate(steps) if s.question.id == node.id)
    cursor = None
    if state.cursor is not None and not state.returning and index + 1 < len(steps):
        cursor = index + 1
    return replace(state_of(steps), cursor=cursor), {}


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


def answer_text(step: Step) -> str:
    """The answer in words: the option's label, or the numbers described."""
    if isinstance(step.value, str):  # a choice
        return step.option.label
    return numbers.describe(step.question, step.value)
