"""Pure checks over loaded trees, with `file:line` messages in Norwegian for HR.

Loading is load.py's job; everything here takes model objects and returns problems.

- graph: ids resolve, no cycles, every node reachable, every path ends in an
  outcome, number ranges are ordered and total;
- content: known certainty and next steps, at least one citation per outcome,
  link targets the site can fill in.

Whether each quote stands word for word under its anchor in the guideline is
checks.py's job, made against kilde/.
"""

from __future__ import annotations

import re
import string
from fractions import Fraction

from decision_tree.model import Common, Outcome, Question, Tree
from decision_tree.numbers import example
from guideline.problems import Problem

_LINK = re.compile(r"\]\(([^)\s]*)")
_ALLOWED_LINK = re.compile(r"^(extra:[a-z_]+|https?://\S+|mailto:\S+)$")


def _links(source: str, line: int, text: str) -> list[Problem]:
    return [
        Problem(source, line, f"lenken «{target}» kan ikke brukes; skriv (extra:navn) eller en full adresse (https://…)")
        for target in _LINK.findall(text)
        if not _ALLOWED_LINK.match(target)
    ]


def _number_question(tree: Tree, q: Question) -> list[Problem]:
    problems = []

    def p(line: int, message: str) -> None:
        problems.append(Problem(tree.source, line, message))

    if not q.fields:
        p(q.line, f"tallspørsmålet «{q.id}» har ingen [[question.field]]")
    ids = [f.id for f in q.fields]
    for f in q.fields:
        if ids.count(f.id) > 1:
            p(f.line, f"tallfeltet «{f.id}» finnes to ganger i spørsmålet «{q.id}»")
        if f.min < 0:
            p(f.line, f"«min» for «{f.id}» kan ikke være negativ")
        if f.max is not None and f.max < f.min:
            p(f.line, f"«max» for «{f.id}» er mindre enn «min»")
    if not q.numerator:
        p(q.line, f"tallspørsmålet «{q.id}» trenger «value», for eksempel value = \"dager / uker\"")
    for name in (q.numerator, q.denominator):
        if name and name not in ids:
            p(q.line, f"«value» i «{q.id}» viser til tallfeltet «{name}», som ikke finnes")
    if q.denominator in ids:
        denominator = q.fields[ids.index(q.denominator)]
        if denominator.min <= 0:
            p(denominator.line, f"«{denominator.id}» deler og må ha min større enn 0, ellers kan man dele på null")
    if q.max_value_message:
        names = {f.id.replace("-", "_") for f in q.fields} | {"max", "grense"}
        for _text, placeholder, _spec, _conversion in string.Formatter().parse(q.max_value_message):
            if placeholder is not None and placeholder not in names:
                p(q.line, f"«max_value_message» bruker {{{placeholder}}}; tillatt er {', '.join(sorted(names))}")
    last = Fraction(-1)
    for index, option in enumerate(q.options):
        is_last = index == len(q.options) - 1
        if is_last and option.below is not None:
            p(option.line, f"det siste alternativet i «{q.id}» skal ikke ha «below»: det tar alle verdier som er igjen")
        if not is_last and option.below is None:
            p(option.line, f"alternativet «{option.id}» mangler «below» (bare det siste alternativet kan mangle det)")
        if option.below is not None:
            if option.below <= last:
                p(option.line, f"«below» i «{option.id}» må være større enn i alternativet før")
            last = option.below
    if not problems:
        for option in q.options:
            if example(q, option) is None:
                p(option.line, f"alternativet «{option.id}» kan aldri velges med tallene feltene tillater")
    return problems


def check_tree(tree: Tree, common: Common) -> list[Problem]:
    """Graph and content checks that need no guideline."""
    problems: list[Problem] = []
    src = tree.source

    def p(line: int, message: str) -> None:
        problems.append(Problem(src, line, message))

    if tree.start not in tree.questions:
        p(tree.line_start, f"«start» = «{tree.start}» er ikke et spørsmål i treet")
    for q in tree.questions.values():
        problems.extend(_links(src, q.line, q.text + q.hint))
        if not q.options:
            p(q.line, f"spørsmålet «{q.id}» har ingen svaralternativer")
        for option in q.options:
            if option.next and tree.node(option.next) is None:
                p(option.line, f"«next» = «{option.next}» finnes ikke (verken spørsmål eller utfall)")
            if q.kind == "choice" and option.below is not None:
                p(option.line, "«below» brukes bare i tallspørsmål")
        if q.kind == "number":
            problems.extend(_number_question(tree, q))
        elif q.fields or q.value:
            p(q.line, "bare spørsmål med kind = \"number\" kan ha tallfelt og «value»")
    for o in tree.outcomes.values():
        problems.extend(_outcome(tree, o, common))
    problems.extend(_graph(tree))
    return problems


def _outcome(tree: Tree, o: Outcome, common: Common) -> list[Problem]:
    problems = _links(tree.source, o.line, o.text + o.title)
    if o.certainty not in common.certainties:
        known = ", ".join(common.certainties)
        message = f"utfallet «{o.id}» har certainty = «{o.certainty}»; bruk en av: {known}"
        problems.append(Problem(tree.source, o.line, message))
    if not o.citations:
        problems.append(Problem(tree.source, o.line, f"utfallet «{o.id}» mangler sitat ([[outcome.citation]])"))
    for step in o.next_steps:
        if step not in common.steps:
            message = f"utfallet «{o.id}» viser til steget «{step}», som ikke finnes i {common.source}"
            problems.append(Problem(tree.source, o.line, message))
    return problems


def _graph(tree: Tree) -> list[Problem]:
    problems: list[Problem] = []
    if tree.start not in tree.questions:
        return problems
    # Depth-first search with colours finds cycles; what it never visits is unreachable.
    colour: dict[str, int] = {}
    reported: set[tuple[str, str]] = set()

    def visit(node_id: str, via_line: int) -> None:
        stack = [(node_id, iter(_children(tree, node_id)), via_line)]
        colour[node_id] = 1
        while stack:
            current, children, _ = stack[-1]
            advanced = False
            for child, line in children:
                if tree.node(child) is None:
                    continue
                state = colour.get(child, 0)
                if state == 1 and (current, child) not in reported:
                    reported.add((current, child))
                    message = f"«{current}» leder tilbake til «{child}»: treet har en sløyfe"
                    problems.append(Problem(tree.source, line, message))
                elif state == 0:
                    colour[child] = 1
                    stack.append((child, iter(_children(tree, child)), line))
                    advanced = True
                    break
            if not advanced:
                colour[current] = 2
                stack.pop()

    visit(tree.start, tree.line_start)
    for node in list(tree.questions.values()) + list(tree.outcomes.values()):
        if node.id not in colour:
            problems.append(Problem(tree.source, node.line, f"«{node.id}» kan ikke nås fra start"))
    return problems


def _children(tree: Tree, node_id: str) -> list[tuple[str, int]]:
    q = tree.questions.get(node_id)
    return [(o.next, o.line) for o in q.options] if q else []
