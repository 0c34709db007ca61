"""`make bench`, part 2: the visits: the baseline page, the tree page, a reader, a page without a tree.

Each visit is a fresh browser profile (cold), then a full reload in that profile (warm); see
tools/bench.py. Each returns the figures the page recorded (tools/bench_browser.py's OBSERVE).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tooling.project import Project
from tools.bench_browser import ENGINE_DONE, OBSERVE, PROFILES, TIMEOUT_MS, Profile, is_pyodide, new_page, settled
from tools.devserver import ROOT, SITE

PROJECT = Project(ROOT)
NPM_PYODIDE = PROJECT.pyodide_npm
# What loadPyodide() fetches with its defaults, from the npm package as it is.
BASELINE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
BASELINE_DIR = "__bench__"
BASELINE_HTML = """<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>grunnlinje</title></head>
<body><script type="module" src="baseline.mjs"></script></body></html>
"""
# An attribute, not a global, tells the bench it is done: nginx's CSP forbids the eval behind
# Playwright's wait_for_function, and selectors need none.
BASELINE_JS = """import { loadPyodide } from "./assets/pyodide/%s/pyodide.mjs";
const pyodide = await loadPyodide();
window.__readyAt = performance.now();
pyodide.runPython("1 + 1");
document.documentElement.dataset.benchReady = "";
"""


def run_baseline(browser, base: str, profile: Profile) -> dict:
    context, page, transfer = new_page(browser, profile)
    page.goto(base + f"{BASELINE_DIR}/")
    page.wait_for_selector("html[data-bench-ready]", state="attached", timeout=TIMEOUT_MS)
    cold = page.evaluate("window.__readyAt")
    settled(page)
    cold_bytes = transfer.take()
    page.reload()
    page.wait_for_selector("html[data-bench-ready]", state="attached", timeout=TIMEOUT_MS)
    warm = page.evaluate("window.__readyAt")
    settled(page)
    warm_bytes = transfer.take()
    context.close()
    return {"cold": cold, "warm": warm, "bytes": sum(cold_bytes.values()), "warm_bytes": sum(warm_bytes.values())}


class EngineFailed(Exception):
    """The widget gave up on the engine during a visit (a busy machine can make a slow load look
    stalled): the visit is counted as failed and made again (tools/bench.py)."""


def engine_timings(page) -> dict:
    page.wait_for_selector(ENGINE_DONE, state="attached", timeout=TIMEOUT_MS)
    bench = page.evaluate("window.__bench")
    if bench.get("failed") is not None or bench.get("ready") is None:
        raise EngineFailed
    return bench


def run_tree(browser, base: str, slug: str, profile: Profile, walks=None) -> dict:
    """The tree page left alone until its engine is ready, cold and warm; on loopback (walks
    given) every path answered after that, then the diagram."""
    context, page, transfer = new_page(browser, profile, OBSERVE)
    page.goto(base + f"beslutningstre/{slug}/")
    cold = engine_timings(page)
    settled(page)
    cold_bytes = transfer.take()
    stdlib = next((ms for p, ms in transfer.wire_ms.items() if "/python_stdlib" in p), None)
    stdlib_bytes = next((n for p, n in cold_bytes.items() if "/python_stdlib" in p), 0)
    page.reload()
    warm = engine_timings(page)
    settled(page)
    warm_bytes = transfer.take()
    result = {"clickable": cold["clickable"], "ready": cold["ready"], "warm_ready": warm["ready"],
              "bytes": cold_bytes, "warm_bytes": sum(warm_bytes.values()),
              "stdlib_ms": stdlib, "stdlib_bytes": stdlib_bytes, "encoding": dict(transfer.encoding)}
    if walks is not None:
        result["answers"] = walk_every_path(page, walks)
        # The diagram further down loads Mermaid only when the reader scrolls to it: how long that takes.
        before = transfer.total()
        started = page.evaluate("performance.now()")
        page.locator("#diagram").scroll_into_view_if_needed()
        page.wait_for_selector('.hk-diagram[data-diagram="drawn"]', timeout=60_000)
        result["diagram_ms"] = page.evaluate("performance.now()") - started
        result["diagram_bytes"] = transfer.total() - before
    context.close()
    return result


def give_answer(page, kind: str, value) -> dict:
    """Answer the question on screen as a person does, and wait for the next step; returns the
    page's record of that answer (click on «Neste» -> next step on screen)."""
    form = page.locator(".hk-widget form.hk-question")
    if kind == "choice":
        form.locator(f'input[value="{value}"]').check()
    else:
        for field, text in value.items():
            form.locator(f'input[name="{field}"]').fill(text)
    count = page.evaluate("window.__bench.answers.length")
    form.locator("button[type=submit]").click()
    page.wait_for_selector(f'html[data-bench-answers="{count + 1}"], .hk-widget[data-engine=failed]',
                           state="attached", timeout=TIMEOUT_MS)
    if page.evaluate("window.__bench.answers.length") == count:
        raise EngineFailed
    return page.evaluate(f"window.__bench.answers[{count}]")


def walk_every_path(page, walks) -> list[dict]:
    """Every path of the tree, answered as a person would, then start again."""
    for path in walks:
        for kind, _question, value in path:
            give_answer(page, kind, value)
        page.get_by_role("button", name="Start på nytt").click()
        page.evaluate("window.__bench.lastKey = null")
    return page.evaluate("window.__bench.answers")


def read_then_answer(page, steps, delay_s: float) -> list[float]:
    """A reader: each question read for `delay_s` from when it is on screen, then answered.
    Returns the waits, click on «Neste» -> next step on screen, in ms."""
    waits = []
    page.wait_for_selector(".hk-widget input[type=radio]:not(:disabled)", timeout=TIMEOUT_MS)
    while (shown := page.evaluate("window.__bench.clickable")) is None:  # the frame after it
        page.wait_for_timeout(10)
    for kind, _question, value in steps:
        wait_ms = shown + delay_s * 1000 - page.evaluate("performance.now()")
        if wait_ms > 0:
            page.wait_for_timeout(wait_ms)
        record = give_answer(page, kind, value)
        waits.append(record["frame"])
        shown = record["at"] + record["frame"]  # the next question is on screen from here
    return waits


def run_reader(browser, base: str, slug: str, profile: Profile, steps, delay_s: float) -> dict:
    """A reader who opens the tree page and answers each question `delay_s` after it shows,
    along a path of choice questions, cold and then warm (a full reload)."""
    context, page, _transfer = new_page(browser, profile, OBSERVE)
    page.goto(base + f"beslutningstre/{slug}/")
    cold = read_then_answer(page, steps, delay_s)
    engine_timings(page)
    settled(page)
    page.goto(base + f"beslutningstre/{slug}/")  # a new visit to the page, not a reload of the outcome's ?svar=
    warm = read_then_answer(page, steps, delay_s)
    context.close()
    return {"cold": cold, "warm": warm}


def run_plain_page(browser, base: str, path: str) -> int:
    context, page, transfer = new_page(browser, PROFILES[0])
    page.goto(base + path, wait_until="networkidle")
    context.close()
    return transfer.total(is_pyodide)


def scripted_walk(slug: str):
    """Every path of the tree as (kind, question id, answer as typed)."""
    from tooling import registry
    from tooling.paths import all_paths

    return [[(s.question.kind, s.question.id, s.raw_answer()) for s in path.steps]
            for path in all_paths(registry.current().trees[slug])]


def reader_path(walks):
    """The reader's path: the longest of only choice questions (the tree's first such, of those)."""
    choice = [path for path in walks if all(kind == "choice" for kind, _, _ in path)]
    return max(choice, key=len)


def baseline_copy(scratch: Path, version: str) -> Path:
    """The site as it is (linked, not copied) plus the baseline under __bench__/, precompressed
    by the site's own step. Its Pyodide sits under assets/pyodide/<version>/ as the site's does,
    so nginx gives it the same caching headers."""
    from tooling import precompress  # the site's own compression step

    www = scratch / "www"
    www.mkdir()
    for entry in SITE.iterdir():
        (www / entry.name).symlink_to(entry)
    bench = www / BASELINE_DIR
    pyodide = bench / "assets" / "pyodide" / version
    pyodide.mkdir(parents=True)
    for name in BASELINE_FILES:
        shutil.copyfile(NPM_PYODIDE / name, pyodide / name)
    (bench / "index.html").write_text(BASELINE_HTML, encoding="utf-8")
    (bench / "baseline.mjs").write_text(BASELINE_JS % version, encoding="utf-8")
    precompress.build(bench, PROJECT.cache)
    return www
