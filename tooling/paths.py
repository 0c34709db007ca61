"""Every path through a tree: what HR reviews, and what the tests walk.

The JSON shape of `paths_document` is a public contract (README.md,
"Beslutningstrær på kommandolinjen"): add fields if needed, never rename or
remove one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from decision_tree import numbers
from decision_tree.model import Catalog, Common, Option, Outcome, Question, Tree


@dataclass(frozen=True)
class PathStep:
    question: Question
    option: Option

    def raw_answer(self):
        """An input that takes this step: the option id, or example numbers as text."""
        if self.question.kind == "choice":
            return self.option.id
        return numbers.display_values(self.question, _example(self.question, self.option))


@dataclass(frozen=True)
class Path:
    steps: tuple[PathStep, ...]
    outcome: Outcome


def _example(question: Question, option: Option) -> tuple[int, ...]:
    """Numbers that choose `option`; a checked tree has them for every option (tree_checks.py)."""
    values = numbers.example(question, option)
    if values is None:
        raise ValueError(f"«{option.id}» in «{question.id}» can never be chosen: check the tree first")
    return values


def all_paths(tree: Tree) -> list[Path]:
    """Depth-first, in option order. Assumes a checked (acyclic) tree."""
    found: list[Path] = []

    def walk(node_id: str, steps: tuple[PathStep, ...]) -> None:
        if node_id in tree.outcomes:
            found.append(Path(steps, tree.outcomes[node_id]))
            return
        question = tree.questions[node_id]
        for option in question.options:
            walk(option.next, steps + (PathStep(question, option),))

    walk(tree.start, ())
    return found


def range_of(question: Question, option: Option) -> dict:
    index = question.options.index(option)
    low = question.options[index - 1].below if index else None
    return {"from": numbers.json_number(low), "below": numbers.json_number(option.below), "of": question.value_label}


def outcome_document(outcome: Outcome, common: Common) -> dict:
    """An outcome as JSON: `paths --json` prints this, and api's views extend it."""
    certainty = common.certainties[outcome.certainty]
    return {
        "id": outcome.id,
        "title": outcome.title,
        "text": outcome.text,
        "certainty": outcome.certainty,
        "certainty_label": certainty.label,
        "citations": [{"anchor": c.anchor, "quote": c.quote} for c in outcome.citations],
        "next_steps": [common.steps[s].text for s in outcome.next_steps],
    }


def step_document(step: PathStep) -> dict:
    entry: dict[str, object] = {
        "question_id": step.question.id,
        "question": step.question.text,
        "kind": step.question.kind,
        "option_id": step.option.id,
        "answer": step.option.label,
    }
    if step.question.kind == "number":
        entry["range"] = range_of(step.question, step.option)
        entry["example"] = numbers.describe(step.question, _example(step.question, step.option))
    return entry


def fingerprint(tree: Tree) -> str:
    """6 hex digits over the tree's structure (ids, options, targets, number rules), not its wording."""
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


def paths_document(tree: Tree, catalog: Catalog) -> dict:
    common, guideline = catalog.common, catalog.guideline
    return {
        "tree": tree.slug,
        "title": tree.title,
        "fingerprint": fingerprint(tree),
        "guideline": {"title": guideline.title, "version": guideline.version, "valid_from": guideline.valid_from},
        "paths": [
            {"steps": [step_document(s) for s in path.steps], "outcome": outcome_document(path.outcome, common)}
            for path in all_paths(tree)
        ],
    }
