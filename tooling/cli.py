"""Command line: `beslutningstre list | walk TREE | paths TREE [--json] | check`
(also `python -m tooling …`).

It works on the project `project.find()` gives (the working directory or a folder above it, or
the one the package was installed from). Output is Norwegian (HR and employees read it).
`paths --json` is a public contract, documented in README.md.
"""

from __future__ import annotations

import argparse
import json
import sys

from decision_tree import api
from decision_tree.state import decode
from guideline.problems import ProblemError

from . import checks, registry, review, search_queries
from .paths import all_paths, paths_document
from .project import ProjectNotFound, find
from .receipt import render as render_receipt


def _tree_or_exit(slug: str):
    trees = registry.current().trees
    tree = trees.get(slug)
    if tree is None:
        known = ", ".join(trees)
        print(f"Fant ikke treet «{slug}». Disse finnes: {known}", file=sys.stderr)
        raise SystemExit(2)
    return tree


def cmd_list(args) -> int:
    for t in registry.current().trees.values():
        print(f"{t.slug:<14} {t.title}")
        print(f"{'':<14} {t.description}")
    return 0


def cmd_paths(args) -> int:
    tree = _tree_or_exit(args.tree)
    catalog = registry.current().catalog
    common = catalog.common
    if args.json:
        json.dump(paths_document(tree, catalog), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    found = all_paths(tree)
    print(f"{tree.title} ({tree.slug}): {len(found)} veier\n")
    for number, path in enumerate(found, start=1):
        print(f"Vei {number}")
        for step in path.steps:
            answer = step.option.label
            print(f"  {step.question.text}  →  {answer}")
        o = path.outcome
        print(f"  = {o.title}  [{o.id}; {common.certainties[o.certainty].label}]")
        for c in o.citations:
            print(f"    «{c.quote}» (#{c.anchor})")
        print()
    return 0


def _ask(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        print("\nAvbrutt.", file=sys.stderr)
        raise SystemExit(1) from None


def cmd_walk(args) -> int:
    tree = _tree_or_exit(args.tree)
    view = api.view(tree.slug, "")
    print(f"{tree.title}\n(Skriv «tilbake» for å gå tilbake, «avslutt» for å avslutte.)\n")
    while view["status"] == "question":
        q = tree.questions[view["node"]]
        for message in view["errors"].values():
            print(f"! {message}")
        print(q.text)
        if q.hint:
            print(f"  ({q.hint})")
        if q.kind == "choice":
            for number, option in enumerate(q.options, start=1):
                print(f"  {number}. {option.label}")
            reply = _ask("Svar (nummer): ").strip()
            if reply == "avslutt":
                return 1
            if reply == "tilbake":
                view = api.back(tree.slug, view["state"])
                continue
            chosen = q.options[int(reply) - 1].id if reply.isdigit() and 0 < int(reply) <= len(q.options) else reply
            view = api.answer(tree.slug, view["state"], q.id, chosen)
        else:
            values = {}
            for field in q.fields:
                reply = _ask(f"  {field.label}: ").strip()
                if reply == "avslutt":
                    return 1
                if reply == "tilbake":
                    break
                values[field.id] = reply
            else:
                view = api.answer(tree.slug, view["state"], q.id, values)
                continue
            view = api.back(tree.slug, view["state"])
        print()
    print()
    content = registry.current()
    decoded = decode(tree, view["state"], content.catalog.guideline.version)  # the engine's own state: it decodes
    if decoded is None:
        raise ValueError(f"the engine gave a state it cannot read: {view['state']!r}")
    print(render_receipt(content.project, tree, decoded.state, content.catalog, content.labels(), args.link), end="")
    return 0


def cmd_check(args) -> int:
    """Everything HR must fix, file:line: broken trees, and quotes the newest guideline no longer holds."""
    content, problems = registry.read(find())
    if content is not None:
        # Sections no search query leads to: HR adds queries; the build does not wait for them.
        problems += checks.problems(content) + search_queries.problems(content)
    # File by file, top down: how HR works through them.
    problems = sorted(problems, key=lambda p: (p.source, p.line))
    for problem in problems:
        print(problem)
    version = content.newest.number if content else "?"
    if problems:
        reviews = sum(p.message.startswith(review.MUST_REVIEW) for p in problems)
        print(f"\n{len(problems)} ting å rette (retningslinjen: versjon {version}), "
              f"av dem {reviews} svar som må gjennomgås.")
    else:
        print(f"Alt er i orden: trærne og sitatene stemmer med retningslinjen, versjon {version}.")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="beslutningstre", description="Beslutningstrærne for hjemmekontor.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="vis trærne").set_defaults(run=cmd_list)
    walk = sub.add_parser("walk", help="svar på spørsmålene i terminalen")
    walk.add_argument("tree")
    walk.add_argument("--link", default="", help="adressen til treets side, for lenken i kvitteringen")
    walk.set_defaults(run=cmd_walk)
    paths = sub.add_parser("paths", help="vis alle veier gjennom et tre")
    paths.add_argument("tree")
    paths.add_argument("--json", action="store_true", help="skriv JSON (fast format, se README.md)")
    paths.set_defaults(run=cmd_paths)
    check = sub.add_parser("check", help="sjekk trærne, og at sitatene står ordrett i den nyeste retningslinjen")
    check.set_defaults(run=cmd_check)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (ProblemError, ProjectNotFound) as exc:
        print(exc, file=sys.stderr)
        return 1
