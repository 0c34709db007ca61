"""The engine's replies that a click needs, computed at build time for the widget (data-hk-views).

hooks/tree_pages.py puts its output on each tree page (widget.html), and
the widget decodes it (assets/javascripts/site/prebuilt.js).
"""

from __future__ import annotations

import json

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from decision_tree import api

# The widget shows a step at once when the build has it, and asks the engine in the browser only for
# what it has not (number answers, links from older versions, invalid links). These are the engine's
# own replies (decision_tree.api), so the widget re-implements no rule: every state reachable from the
# start through choice answers, «Tilbake» and «Endre», the view of each, and the engine's reply to
# each click there. tests/pyodide/ proves the engine in Pyodide replies the same to every one.

# A state costs about 250 bytes raw (17 as brotli): today's largest trees have 123 (yrkesskade,
# 30.7 kB raw, 2.1 kB as brotli in a 279 kB page) and 114 (hjemmearbeid, 27.4 kB, 2.0 kB). A tree with
# more than this many keeps the nearest ones (breadth first: the first clicks, made while the engine
# still boots) and leaves the rest to the engine, which is ready by then; 400 states would be about
# 100 kB raw, 7 kB as brotli.
MAX_PREBUILT_STATES = 400


def prebuilt_views(tree) -> dict:
    """The engine's views and replies for every state a reader reaches by clicks alone, compactly:

    same     fields with one value in every view
    fields   the other fields, in the order of each row in `views`
    lists    answer lists as a prefix tree: list n (from 1) is list lists[n-1][0] plus lists[n-1][1];
             list 0 is empty. A view's "answers" is the number of its list.
    views    one row per state, the first the start
    next     per view, the engine's reply to `method(slug, state, *arguments)` at
             next[view][method][argument]…: a view's number, or [number, n] for that view with the
             fields of deltas[n]
    deltas   fields in which a reply differs from the stored view of its state (an answer's errors)
    complete false when the tree had more than MAX_PREBUILT_STATES states, and some are left out
    """
    slug = tree.slug
    views: list[dict] = []
    number: dict[str, int] = {}
    calls: list[list[tuple[str, tuple, dict]]] = []  # per view: (method, arguments after the state, reply)
    queue = [""]
    while queue and len(views) < MAX_PREBUILT_STATES:
        state = queue.pop(0)
        if state in number:
            continue
        view = api.view(slug, state)
        number[state] = len(views)
        views.append(view)
        here: list[tuple[str, tuple, dict]] = [("back", (), api.back(slug, state))]
        here += [("change", (a["question"],), api.change(slug, state, a["question"])) for a in view["answers"]]
        question = tree.questions.get(view["node"]) if view["status"] == "question" else None
        if question is not None and question.kind == "choice":
            for value in [option.id for option in question.options] + [""]:  # "": nothing chosen
                here.append(("answer", (question.id, value), api.answer(slug, state, question.id, value)))
        calls.append(here)
        queue += [reply["state"] for _, _, reply in here]
    return {**_compact(views, number, calls), "complete": all(state in number for state in queue)}


def _compact(views: list[dict], number: dict[str, int], calls: list) -> dict:
    dump = lambda value: json.dumps(value, sort_keys=True)  # noqa: E731
    same = {k: v for k, v in views[0].items() if k != "answers" and all(dump(w[k]) == dump(v) for w in views)}
    fields = [k for k in views[0] if k not in same]
    lists: list = []
    list_number: dict[tuple, int] = {(): 0}
    deltas: list[dict] = []
    delta_number: dict[str, int] = {}

    def answers(given: list[dict]) -> int:
        key: tuple = ()
        for item in given:
            longer = key + (dump(item),)
            if longer not in list_number:
                lists.append([list_number[key], item])
                list_number[longer] = len(lists)
            key = longer
        return list_number[key]

    def reply(view: dict):
        n = number[view["state"]]
        delta = {k: v for k, v in view.items() if dump(v) != dump(views[n][k])}
        if not delta:
            return n
        if dump(delta) not in delta_number:
            delta_number[dump(delta)] = len(deltas)
            deltas.append(delta)
        return [n, delta_number[dump(delta)]]

    def table(here) -> dict:
        out: dict = {}
        for method, arguments, view in here:
            if view["state"] not in number:
                continue  # beyond MAX_PREBUILT_STATES: the engine answers
            if not arguments:
                out[method] = reply(view)
                continue
            node = out.setdefault(method, {})
            for argument in arguments[:-1]:
                node = node.setdefault(argument, {})
            node[arguments[-1]] = reply(view)
        return out

    rows = [[answers(v["answers"]) if k == "answers" else v[k] for k in fields] for v in views]
    return {"same": same, "fields": fields, "lists": lists, "views": rows,
            "next": [table(here) for here in calls], "deltas": deltas}


def attribute(tree) -> Markup:
    """prebuilt_views(tree) as compact JSON for a single-quoted HTML attribute (data-hk-views), escaped
    by Jinja's own tojson."""
    return htmlsafe_json_dumps(prebuilt_views(tree), ensure_ascii=False, separators=(",", ":"))
