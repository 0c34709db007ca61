"""`make bench`: how fast the interactive decision tree starts and answers, against its targets.

Measured in headless Chromium against the built site/, served on 127.0.0.1 by a threaded server
that sends long-lived cache headers for versioned files (as the intranet's nginx does). Every run
uses a fresh browser context, so every load is cold. In the same run, interleaved, it measures
the baseline: a bare page that imports the same pyodide.mjs and awaits loadPyodide() with its
defaults (the npm package's python_stdlib.zip and pyodide-lock.json, served beside it).

Timings are taken inside the page (performance.now() from navigation start), by observers that
an init script installs; the product carries no timing code.

    .venv/bin/python tools/bench.py [--runs N] [--tree SLUG]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import re
import statistics
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# One list of Chromium flags, and the site under test (SITE_DIR, default site/).
from tools.devserver import SITE, launch, page_paths  # noqa: E402

NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
VERSIONED = re.compile(r"^/assets/(pyodide/[^/]+|beslutningstre/[0-9a-f]{16})/")

BASELINE_HTML = b"""<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>baseline</title></head>
<body><script type="module" src="baseline.mjs"></script></body></html>"""
BASELINE_JS = """import { loadPyodide } from "%s";
const pyodide = await loadPyodide();
window.__readyAt = performance.now();
pyodide.runPython("1 + 1");
"""

# Installed before any page script: records when the first question is on screen and clickable
# (the first animation frame after it is in the DOM), when the engine is ready, and when each
# answer's next step is on screen (again the next animation frame).
OBSERVE = """
(() => {
  const t = (window.__bench = { answers: [] });
  let clickAt = null;
  document.addEventListener("click", (e) => {
    if (e.target.closest?.(".beslutningstre-widget button[type=submit]")) clickAt = e.timeStamp;
  }, true);
  new MutationObserver(() => {
    const w = document.querySelector(".beslutningstre-widget");
    if (!w) return;
    const radio = w.querySelector("input[type=radio]:not(:disabled)");
    // On screen, not merely in the DOM: the next animation frame after it appears.
    if (radio && t.clickableDom == null) {
      t.clickableDom = performance.now();
      requestAnimationFrame(() => (t.clickable = performance.now()));
    }
    if (w.dataset.engine === "ready" && t.ready == null) t.ready = performance.now();
    if (w.dataset.engine === "failed" && t.failed == null) t.failed = performance.now();
    if (clickAt != null && !w.querySelector(".bt-loading") && !w.querySelector("[disabled]")) {
      const from = clickAt;
      const key = w.querySelector(".bt-body > *")?.dataset.question ?? w.querySelector(".bt-outcome h2")?.textContent;
      if (key && key !== t.lastKey) {
        t.lastKey = key;
        clickAt = null;
        const dom = performance.now();
        requestAnimationFrame(() => t.answers.push({ dom: dom - from, frame: performance.now() - from }));
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-engine"] });
})();
"""


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
        ".json": "application/json", ".whl": "application/octet-stream", ".zip": "application/zip",
    }
    version_dir = ""

    def log_message(self, *args):
        pass

    def end_headers(self):
        path = urlsplit(self.path).path
        if VERSIONED.match(path):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self):
        path = urlsplit(self.path).path
        if path == "/__bench__/baseline.html":
            return self._send(BASELINE_HTML, "text/html; charset=utf-8")
        if path == "/__bench__/baseline.mjs":
            js = BASELINE_JS % f"/assets/pyodide/{self.version_dir}/pyodide.mjs"
            return self._send(js.encode(), "text/javascript")
        # The defaults loadPyodide() asks for; the site itself ships neither.
        for name in ("python_stdlib.zip", "pyodide-lock.json"):
            if path == f"/assets/pyodide/{self.version_dir}/{name}":
                ctype = "application/zip" if name.endswith(".zip") else "application/json"
                return self._send((NPM_PYODIDE / name).read_bytes(), ctype)
        return super().do_GET()

    def _send(self, body: bytes, ctype: str):
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(version: str):
    Handler.version_dir = version
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class Transfer:
    """Bytes on the wire per URL path, for every request of a context (workers included)."""

    def __init__(self, context):
        self.bytes: dict[str, int] = {}
        context.on("requestfinished", self._finished)

    def _finished(self, request):
        try:
            sizes = request.sizes()
        except Exception:  # noqa: BLE001  a request torn down with its page
            return
        path = urlsplit(request.url).path
        self.bytes[path] = self.bytes.get(path, 0) + sizes["responseBodySize"] + sizes["responseHeadersSize"]

    def total(self, match=lambda p: True) -> int:
        return sum(n for p, n in self.bytes.items() if match(p))


def is_pyodide(path: str) -> bool:
    return "/assets/pyodide/" in path or "/assets/beslutningstre/" in path or "beslutningstre-worker" in path \
        or "beslutningstre-runtime" in path


def run_baseline(browser, base: str) -> tuple[float, int]:
    context = browser.new_context()
    transfer = Transfer(context)
    page = context.new_page()
    page.goto(base + "__bench__/baseline.html")
    page.wait_for_function("window.__readyAt !== undefined", timeout=120_000)
    ready = page.evaluate("window.__readyAt")
    context.close()
    return ready, transfer.total(lambda p: "/assets/pyodide/" in p)


def run_tree(browser, base: str, slug: str, steps) -> dict:
    context = browser.new_context()
    transfer = Transfer(context)
    context.add_init_script(OBSERVE)
    page = context.new_page()
    page.goto(base + f"beslutningstre/{slug}/")
    page.wait_for_function("window.__bench.ready !== undefined || window.__bench.failed !== undefined",
                           timeout=120_000)
    bench = page.evaluate("window.__bench")
    if bench.get("failed") is not None:
        raise SystemExit("Motoren startet ikke i benchmarken.")
    # The scripted walk: every path of the tree, answered as a person would, then start again.
    for path in steps:
        for kind, selector, value in path:
            form = page.locator(".beslutningstre-widget form.bt-question")
            if kind == "choice":
                form.locator(f'input[value="{value}"]').check()
            else:
                for field, text in value.items():
                    form.locator(f'[data-field="{field}"]').fill(text)
            count = page.evaluate("window.__bench.answers.length")
            form.locator("button[type=submit]").click()
            page.wait_for_function(f"window.__bench.answers.length > {count}", timeout=30_000)
        page.get_by_role("button", name="Start på nytt").click()
        page.evaluate("window.__bench.lastKey = null")
    answers = page.evaluate("window.__bench.answers")
    page_bytes = dict(transfer.bytes)
    # The diagram further down loads Mermaid only when the reader scrolls to it: how long that takes.
    started = page.evaluate("performance.now()")
    page.locator("#diagram").scroll_into_view_if_needed()
    page.wait_for_selector('.beslutningstre-diagram[data-diagram="drawn"]', timeout=60_000)
    diagram_ms = page.evaluate("performance.now()") - started
    context.close()
    return {"clickable": bench["clickable"], "ready": bench["ready"], "answers": answers,
            "bytes": page_bytes, "diagram_ms": diagram_ms,
            "diagram_bytes": sum(n for p, n in transfer.bytes.items() if p not in page_bytes)}


def run_plain_page(browser, base: str, path: str) -> int:
    context = browser.new_context()
    transfer = Transfer(context)
    page = context.new_page()
    page.goto(base + path, wait_until="networkidle")
    context.close()
    return transfer.total(is_pyodide)


def scripted_walk(slug: str):
    from decision_tree import registry
    from decision_tree.paths import all_paths

    walks = []
    for path in all_paths(registry.get(slug)):
        walks.append([(s.question.kind, s.question.id, s.raw_answer()) for s in path.steps])
    return walks


def pct(values, q):
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def mb(n: int) -> str:
    return f"{n / 1_000_000:.2f} MB"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="cold loads of each page (default 5)")
    parser.add_argument("--tree", default="hjemmearbeid", help="the tree page to measure")
    args = parser.parse_args(argv)

    if not (SITE / "index.html").exists():
        raise SystemExit("site/ mangler: kjør 'make site' først.")
    version = json.loads((NPM_PYODIDE / "package.json").read_text())["version"]
    server, base = serve(version)
    walks = scripted_walk(args.tree)

    from playwright.sync_api import sync_playwright

    baseline, tree = [], []
    with sync_playwright() as p:
        browser = launch(p)
        run_baseline(browser, base)  # warm the OS file cache and the server; not counted
        for i in range(args.runs):
            baseline.append(run_baseline(browser, base))
            tree.append(run_tree(browser, base, args.tree, walks))
            print(f"  kjøring {i + 1}/{args.runs}: grunnlinje {baseline[-1][0]:.0f} ms, "
                  f"tre klart {tree[-1]['ready']:.0f} ms", file=sys.stderr)
        plain_pages = [p for p in page_paths() if not p.startswith("beslutningstre/") or p == "beslutningstre/"]
        plain_bytes = {p: run_plain_page(browser, base, p) for p in plain_pages}
        browser.close()
    server.shutdown()

    base_ready = statistics.median(r for r, _ in baseline)
    core_bytes = statistics.median(b for _, b in baseline)
    clickable = statistics.median(t["clickable"] for t in tree)
    ready = statistics.median(t["ready"] for t in tree)
    frames = [a["frame"] for t in tree for a in t["answers"]]
    doms = [a["dom"] for t in tree for a in t["answers"]]
    tree_bytes = tree[-1]["bytes"]
    total = sum(tree_bytes.values())
    extra = total - core_bytes
    pyodide_part = sum(n for p, n in tree_bytes.items() if is_pyodide(p))
    mermaid = sum(n for p, n in tree_bytes.items() if "mermaid" in p)
    diagram_ms = statistics.median(t["diagram_ms"] for t in tree)
    diagram_bytes = tree[-1]["diagram_bytes"]
    ratio = ready / base_ready

    def gz(paths):
        return sum(len(gzip.compress((SITE / p.lstrip("/")).read_bytes(), 6))
                   for p in paths if (SITE / p.lstrip("/")).is_file())

    rows = [
        ("navigasjon → første spørsmål klikkbart", f"{clickable:.0f} ms", "≤ 300 ms", clickable <= 300),
        ("navigasjon → data-engine=\"ready\", kald", f"{ready:.0f} ms = {ratio:.2f} × grunnlinjen",
         f"≤ 0,35 × {base_ready:.0f} ms = {0.35 * base_ready:.0f} ms", ratio <= 0.35),
        ("svartid (klikk → neste steg vist), p50", f"{pct(frames, .5):.1f} ms", "", None),
        ("svartid (klikk → neste steg vist), p95", f"{pct(frames, .95):.1f} ms", "p95 ≤ 50 ms", pct(frames, .95) <= 50),
        ("overført kaldt, treside", f"{mb(total)} = kjernen + {mb(extra)}", "kjernen + ≤ 1,5 MB", extra <= 1_500_000),
        ("overført kaldt, sider uten tre", f"{max(plain_bytes.values())} byte fra Pyodide", "0 byte",
         max(plain_bytes.values()) == 0),
    ]
    print()
    print(f"Beslutningstre-benchmark: {args.runs} kalde kjøringer av beslutningstre/{args.tree}/ og grunnlinjen, "
          f"Chromium headless, Pyodide {version}")
    print(f"Grunnlinje (bar side, loadPyodide() med standardvalg): median {base_ready:.0f} ms "
          f"(alle: {', '.join(f'{r:.0f}' for r, _ in baseline)} ms); Pyodide-kjernen den henter: {mb(core_bytes)}")
    print(f"Treside klar (alle): {', '.join(f'{t['ready']:.0f}' for t in tree)} ms; "
          f"klikkbar (alle): {', '.join(f'{t['clickable']:.0f}' for t in tree)} ms")
    print(f"Svartider: {len(frames)} svar, DOM oppdatert p50 {pct(doms, .5):.1f} / p95 {pct(doms, .95):.1f} ms, "
          f"neste bilde p50 {pct(frames, .5):.1f} / p95 {pct(frames, .95):.1f} ms")
    print(f"Treside, bytes: Pyodide og motoren {mb(pyodide_part)}, Mermaid {mb(mermaid)}, "
          f"resten (side, tema, widget) {mb(total - pyodide_part - mermaid)}; "
          f"gzip av alt: {mb(gz(tree_bytes))}")
    print(f"Diagrammet (Mermaid lastes først når leseren blar dit): median {diagram_ms:.0f} ms fra rulling "
          f"til tegnet, {mb(diagram_bytes)} overført da (ikke med i sidens tall over)")
    print()
    width = max(len(r[0]) for r in rows)
    for name, value, target, ok in rows:
        verdict = "" if ok is None else ("OK" if ok else "BOM")
        print(f"{name:<{width}}  {value:<36} {target:<28} {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
