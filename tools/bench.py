"""`make bench`: how fast the interactive decision tree starts and answers, against its targets.

A benchmark, not a test: it prints figures, each beside its target, and fails only if something
does not run.

- Served as the intranet serves it: Debian's nginx with deploy/'s configuration (tools/run_nginx.py),
  with whatever compression that gives (brotli where the module is installed, else gzip).
- Three network profiles, through Chromium's own network emulation (CDP): loopback (none),
  "VPN 50 Mbit/s 30 ms" and "hjemme 20 Mbit/s 40 ms" (the same rate both ways). Set on the
  page's target, the emulation also holds back the tree's Web Worker: measured, its requests share
  the page's throttled link (a worker-only file takes its bytes ÷ the rate; see `throttle_check`).
- The baseline is a bare page that imports the npm package's pyodide.mjs and awaits
  loadPyodide() with its defaults (npm's python_stdlib.zip and pyodide-lock.json). It is served
  by the same nginx, from a scratch copy precompressed exactly as the site's files are, and
  measured in the same run, interleaved with the tree page.
- A reader does not wait for "engine ready", but after a click: a reader opens the tree page cold,
  reads each question for 1 s (or 2.5 s) from when it is on screen, answers it, and waits for the
  next step, along the tree's longest path of choice questions; then visits again, warm. The
  figure is click on «Neste» -> next step on screen (the next animation frame).
- Cold is a fresh browser profile; warm is a second visit in that profile, a full reload. The
  profile is on disk, as an employee's is, not Playwright's usual incognito context: Chromium
  keeps no code cache in incognito, and V8's wasm code cache is what a warm visit reuses
  (measured: about 1 MB under "Code Cache/wasm" by the time the engine is ready, and warm
  visits 1.4 s on disk against 1.9 s incognito).
- Bytes are on the wire (headers and encoded bodies), every request of the context counted,
  the worker's included.

Timings are taken inside the page (performance.now() from navigation start), by observers that
an init script installs (tools/bench_browser.py); the product carries no timing code.

    .venv/bin/python tools/bench.py [--runs N] [--tree SLUG]     # RUNS=N make bench
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from tools import run_nginx
from tools.bench_browser import PROFILES, Browser
from tools.bench_report import ms, report
from tools.bench_visits import (
    NPM_PYODIDE,
    EngineFailed,
    baseline_copy,
    reader_path,
    run_baseline,
    run_plain_page,
    run_reader,
    run_tree,
    scripted_walk,
)
from tools.devserver import SITE, page_paths

READER_DELAYS_S = (1.0, 2.5)
TRIES = 3


def visit(failures: list, what: str, run, *args):
    """A visit, made again (up to TRIES times) when the widget gave up on the engine; each give-up
    is counted and reported, since it is what a reader on that machine would have seen."""
    for _ in range(TRIES - 1):
        try:
            return run(*args)
        except EngineFailed:
            failures.append(what)
            print(f"  motoren ga opp ({what}); besøket gjøres på nytt", file=sys.stderr, flush=True)
    return run(*args)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="cold+warm visits of each page per profile (default 3)")
    parser.add_argument("--tree", default="hjemmearbeid", help="the tree page to measure")
    args = parser.parse_args(argv)

    if not (SITE / "index.html").exists():
        raise SystemExit("site/ mangler: kjør 'make site' først.")
    if not run_nginx.find_nginx():
        raise SystemExit(run_nginx.MISSING)
    version = json.loads((NPM_PYODIDE / "package.json").read_text())["version"]
    walks = scripted_walk(args.tree)
    steps = reader_path(walks)
    brotli = run_nginx.brotli_available()

    from playwright.sync_api import sync_playwright

    load_before = os.getloadavg()[0]
    tree = {p.key: [] for p in PROFILES}
    baseline = {p.key: [] for p in PROFILES}
    readers = {p.key: {d: [] for d in READER_DELAYS_S} for p in PROFILES}
    failures: list[str] = []
    scratch = Path(tempfile.mkdtemp(prefix="hjemmekontor-bench-"))
    try:
        www = baseline_copy(scratch, version)
        with run_nginx.Nginx(www, brotli=brotli) as base, sync_playwright() as p:
            browser = Browser(p, scratch)
            # Warm the OS file cache and nginx; not counted.
            run_baseline(browser, base, PROFILES[0])
            visit(failures, "oppvarming", run_tree, browser, base, args.tree, PROFILES[0])
            for i in range(args.runs):
                for profile in PROFILES:
                    # Interleaved, and in turn first, so drift on a shared machine hits both alike.
                    order = ("tree", "baseline") if i % 2 == 0 else ("baseline", "tree")
                    for what in order:
                        if what == "tree":
                            walk = walks if profile.key == "loopback" else None
                            label = f"tre, {profile.name}"
                            tree[profile.key].append(
                                visit(failures, label, run_tree, browser, base, args.tree, profile, walk))
                        else:
                            baseline[profile.key].append(run_baseline(browser, base, profile))
                    for delay in READER_DELAYS_S:
                        label = f"leser {delay:g} s, {profile.name}"
                        readers[profile.key][delay].append(
                            visit(failures, label, run_reader, browser, base, args.tree, profile, steps, delay))
                    t, b = tree[profile.key][-1], baseline[profile.key][-1]
                    first = {d: ms(readers[profile.key][d][-1]["cold"][0]) for d in READER_DELAYS_S}
                    print(f"  kjøring {i + 1}/{args.runs}, {profile.name}: tre klart {ms(t['ready'])} "
                          f"(varmt {ms(t['warm_ready'])}), grunnlinje {ms(b['cold'])} (varmt {ms(b['warm'])}); "
                          "første svar venter " + ", ".join(f"{w} (etter {d:g} s)" for d, w in first.items()),
                          file=sys.stderr, flush=True)
            plain_pages = [p for p in page_paths() if not p.startswith("beslutningstre/") or p == "beslutningstre/"]
            plain_bytes = {p: run_plain_page(browser, base, p) for p in plain_pages}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    report(args, version, brotli, tree, baseline, readers, plain_bytes, (load_before, os.getloadavg()[0]))
    if failures:
        print(f"Motoren ga opp i {len(failures)} besøk, som ble gjort på nytt: {', '.join(failures)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
