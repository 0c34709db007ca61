"""What the widget fetches: Pyodide only on tree pages, only from the site, and only what runs.

The context fixture already fails any test whose page asks another host for anything.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.browser.widget import SLUGS, tree_url, wait_ready
from tools.devserver import page_paths

pytestmark = pytest.mark.browser

# Anything that belongs to the interactive trees' runtime.
RUNTIME = re.compile(r"/assets/(pyodide|beslutningstre)/|beslutningstre-(worker|runtime)\.js")
PAGES_WITHOUT_TREE = [p for p in page_paths() if not re.fullmatch(r"beslutningstre/[^/]+/", p)]


def runtime_requests(context) -> list[str]:
    return [u for u in context.guard.requests if RUNTIME.search(urlsplit(u).path)]


@pytest.mark.parametrize("path", PAGES_WITHOUT_TREE)
def test_a_page_without_a_tree_loads_no_pyodide_byte(page, context, path):
    page.goto(path, wait_until="networkidle")
    page.wait_for_timeout(300)
    assert page.locator(".bt-widget").count() == 0
    fetched = runtime_requests(context)
    assert not fetched, fetched


def test_a_tree_page_loads_the_runtime_once_and_nothing_else_of_pyodide(page, context):
    page.goto(tree_url(SLUGS[0]))
    wait_ready(page)
    paths = [urlsplit(u).path for u in runtime_requests(context)]
    names = sorted(p.rsplit("/", 1)[1] for p in paths)
    assert len(names) == len(set(names)), f"fetched twice: {names}"
    expected = {
        "beslutningstre-worker.js", "beslutningstre-runtime.js",
        "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json",
    }
    assert expected <= set(names), names
    extra = set(names) - expected
    # Besides those: the compiled stdlib, the engine wheel and the trees, nothing (no upstream
    # python_stdlib.zip, no package from Pyodide's own lock file, no console page).
    assert len(extra) == 3 and any(re.fullmatch(r"python_stdlib-[0-9a-f]+\.zip", n) for n in extra) \
        and any(n.endswith("-py3-none-any.whl") for n in extra) and "trees.json" in extra, extra
    # The lock file and wheel come from the engine's own hashed folder, beside each other.
    lock = next(p for p in paths if p.endswith("pyodide-lock.json"))
    wheel = next(p for p in paths if p.endswith(".whl"))
    assert re.search(r"/assets/beslutningstre/[0-9a-f]{16}/pyodide-lock\.json$", lock)
    assert wheel.rsplit("/", 1)[0] == lock.rsplit("/", 1)[0]


def test_pointing_at_a_link_to_a_tree_starts_the_engine_and_other_links_do_not(page, context):
    page.goto("beslutningstre/", wait_until="networkidle")
    page.locator("a[href$='faq/']").first.hover()
    page.wait_for_timeout(300)
    assert runtime_requests(context) == [], "a link elsewhere starts nothing"
    tree_link = page.locator(f"article a[href$='beslutningstre/{SLUGS[0]}/']").first
    tree_link.hover()
    page.wait_for_function(
        "performance.getEntriesByType('resource').some(e => e.name.includes('beslutningstre-worker'))")
    page.wait_for_timeout(500)
    assert any(p.endswith("pyodide.asm.wasm") for p in map(lambda u: urlsplit(u).path, runtime_requests(context)))


def test_focusing_a_link_to_a_tree_by_keyboard_starts_the_engine(page, context):
    page.goto("beslutningstre/", wait_until="networkidle")
    assert runtime_requests(context) == []
    page.locator(f"article a[href$='beslutningstre/{SLUGS[0]}/']").first.focus()
    page.wait_for_function(
        "performance.getEntriesByType('resource').some(e => e.name.includes('beslutningstre-worker'))")
