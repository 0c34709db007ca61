"""Command line: `python -m decision_tree list | walk TREE | paths TREE [--json] | check`.

Output is Norwegian (HR and employees read it). `paths --json` is a public
contract, documented in README.md.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import api, registry
from .paths import all_paths, paths_document
from .problems import TreeError
from .receipt import render as render_receipt
from .state import decode


def _tree_or_exit(slug: str):
    tree = registry.get(slug)
    if tree is None:
        known = ", ".join(registry.trees())
        print(f"Fant ikke treet «{slug}». Disse finnes: {known}", file=sys.stderr)
        raise SystemExit(2)
    return tree


def cmd_list(args) -> int:
    for t in registry.trees().values():
        print(f"{t.slug:<14} {t.title}")
        print(f"{'':<14} {t.description}")
    return 0


def cmd_paths(args) -> int:
    tree = _tree_or_exit(args.tree)
    common = registry.common()
    if args.json:
        json.dump(paths_document(tree, common), sys.stdout, ensure_ascii=False, indent=2)
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
    common = registry.common()
    state = decode(tree, view["state"], common.guideline.version).state
    from guideline import versions  # the repository's guideline package: citations name their place as the site does

    labels = versions.load(registry.KILDE)[-1].document.labels()
    print(render_receipt(tree, state, common, args.link, labels=labels), end="")
    return 0


def cmd_check(args) -> int:
    """Everything HR must fix, file:line: broken trees, and quotes the newest guideline no longer holds."""
    from guideline import checks, versions

    trees, common, problems = registry.load_files()
    # load_files has reported kilde/'s own problems already (then common is None); the quotes need it whole.
    known = versions.load(registry.KILDE) if common is not None else []
    if known:
        problems += checks.problems(trees.values(), registry.KILDE.parent / "docs", known)
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} ting å rette (retningslinjen: versjon {known[-1].number if known else '?'}).")
    else:
        print(f"Alt er i orden: trærne og sitatene stemmer med retningslinjen, versjon {known[-1].number}.")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m decision_tree", description="Beslutningstrærne for hjemmekontor.")
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
    except TreeError as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
