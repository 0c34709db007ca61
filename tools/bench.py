"""`make bench`: how fast the interactive decision tree starts and answers, against its targets.

A benchmark, not a test: it prints figures, each beside its target, and fails only if something
does not run.

- Served as the intranet serves it: Debian's nginx with deploy/'s configuration (run_nginx.py),
  with whatever compression that gives (brotli where the module is installed, else gzip).
- Three network profiles, through Chromium's own network emulation (CDP): loopback (none),
  "VPN 50 Mbit/s 30 ms" and "hjemme 20 Mbit/s 40 ms" (the same rate both ways). Set on the
  page's target, the emulation also holds back the tree's Web Worker: measured, its requests share
  the page's throttled link (a worker-only file takes its bytes ÷ the rate; see `throttle_check`).
- The baseline is a bare page that imports the npm package's pyodide.mjs and awaits
  loadPyodide() with its defaults (npm's python_stdlib.zip and pyodide-lock.json). It is served
  by the same nginx, from a scratch copy precompressed exactly as the site's files are, and
  measured in the same run, interleaved with the tree page.
- Cold is a fresh browser profile; warm is a second visit in that profile, a full reload. The
  profile is on disk, as an employee's is, not Playwright's usual incognito context: Chromium
  keeps no code cache in incognito, and V8's wasm code cache is what a warm visit reuses
  (measured: about 1 MB under "Code Cache/wasm" by the time the engine is ready, and warm
  visits 1.4 s on disk against 1.9 s incognito).
- Bytes are on the wire (headers and encoded bodies), every request of the context counted,
  the worker's included.

Timings are taken inside the page (performance.now() from navigation start), by observers that
an init script installs; the product carries no timing code.

    .venv/bin/python tools/bench.py [--runs N] [--tree SLUG]     # RUNS=N make bench
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from tooling import precompress  # the site's own compression step, for the baseline's copy
from tools import run_nginx
from tools.devserver import CHROMIUM, CHROMIUM_ARGS, ROOT, SITE, page_paths

NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
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


@dataclasses.dataclass(frozen=True)
class Profile:
    key: str
    name: str
    mbit: float | None = None  # None: no emulation at all
    latency_ms: float = 0

    def conditions(self) -> dict:
        rate = self.mbit * 1_000_000 / 8  # bytes per second
        return {"offline": False, "latency": self.latency_ms, "downloadThroughput": rate, "uploadThroughput": rate}


PROFILES = (
    Profile("loopback", "loopback"),
    Profile("vpn", "VPN 50 Mbit/s 30 ms", 50, 30),
    Profile("hjemme", "hjemme 20 Mbit/s 40 ms", 20, 40),
)

# Installed before any page script: records when the first question is on screen and clickable
# (the first animation frame after it is in the DOM), when the engine is ready, and when each
# answer's next step is on screen (again the next animation frame). The count of answers goes
# on <html> as well, for the bench to wait on with a selector.
OBSERVE = """
(() => {
  const t = (window.__bench = { answers: [] });
  let clickAt = null;
  document.addEventListener("click", (e) => {
    if (e.target.closest?.(".bt-widget button[type=submit]")) clickAt = e.timeStamp;
  }, true);
  new MutationObserver(() => {
    const w = document.querySelector(".bt-widget");
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
        requestAnimationFrame(() => {
          t.answers.push({ dom: dom - from, frame: performance.now() - from });
          document.documentElement.dataset.benchAnswers = String(t.answers.length);
        });
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-engine"] });
})();
"""
ENGINE_DONE = ".bt-widget[data-engine=ready], .bt-widget[data-engine=failed]"
TIMEOUT_MS = 120_000


class Transfer:
    """Bytes on the wire per URL path, for every request of a context (workers included)."""

    def __init__(self, context):
        self.bytes: dict[str, int] = {}
        self.wire_ms: dict[str, float] = {}  # request sent -> last byte, per path
        self.encoding: dict[str, str] = {}
        context.on("requestfinished", self._finished)

    def _finished(self, request):
        try:
            sizes = request.sizes()
            timing = request.timing
        except Exception:
            return
        path = urlsplit(request.url).path
        self.bytes[path] = self.bytes.get(path, 0) + sizes["responseBodySize"] + sizes["responseHeadersSize"]
        if timing["responseEnd"] > 0 and timing["requestStart"] >= 0:
            self.wire_ms[path] = timing["responseEnd"] - timing["requestStart"]
        if path.endswith(".wasm"):
            response = request.response()
            self.encoding[path] = (response.headers.get("content-encoding") if response else None) or "ingen"

    def take(self) -> dict[str, int]:
        """The bytes so far, and start counting afresh (cold visit, then warm)."""
        taken, self.bytes = self.bytes, {}
        return taken

    def total(self, match=lambda p: True) -> int:
        return sum(n for p, n in self.bytes.items() if match(p))


def is_pyodide(path: str) -> bool:
    return "/assets/pyodide/" in path or "/assets/beslutningstre/" in path or "beslutningstre-worker" in path \
        or "beslutningstre-runtime" in path


class Browser:
    """Debian's Chromium with a fresh profile on disk for every context (see the docstring on warm)."""

    def __init__(self, playwright, scratch: Path):
        self.playwright, self.scratch = playwright, scratch

    def new_context(self):
        profile = Path(tempfile.mkdtemp(prefix="profil-", dir=self.scratch))
        context = self.playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context.on("close", lambda _context: shutil.rmtree(profile, ignore_errors=True))
        # A browser just started is still busy starting: measured, the first question came 350 ms
        # after navigation instead of 150 ms, and the engine 0.6 s later. Let it settle first.
        context.pages[0].goto("about:blank")
        context.pages[0].wait_for_timeout(1000)
        return context


def new_page(browser: Browser, profile: Profile, init_script: str | None = None):
    """A fresh profile (cold caches) and page, under the profile's network emulation."""
    context = browser.new_context()
    transfer = Transfer(context)
    if init_script:
        context.add_init_script(init_script)
    page = context.pages[0]  # the page Browser.new_context let settle
    if profile.mbit is not None:
        # On the page's target, before the first request. Measured on Chromium 156: this also
        # holds back the page's dedicated worker, whose requests share the page's throttled
        # link (throttle_check() shows it on every run). Network.emulateNetworkConditionsByRule
        # does not exist in that version.
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", profile.conditions())
    return context, page, transfer


def settled(page) -> None:
    """Wait until the page's requests are done, so each visit's bytes are its own. Timings were
    taken in the page already, so the wait changes none."""
    page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)


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


def engine_timings(page) -> dict:
    page.wait_for_selector(ENGINE_DONE, state="attached", timeout=TIMEOUT_MS)
    bench = page.evaluate("window.__bench")
    if bench.get("failed") is not None or bench.get("ready") is None:
        raise SystemExit("Motoren startet ikke i benchmarken.")
    return bench


def run_tree(browser, base: str, slug: str, profile: Profile, walks=None) -> dict:
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
        page.wait_for_selector('.bt-diagram[data-diagram="drawn"]', timeout=60_000)
        result["diagram_ms"] = page.evaluate("performance.now()") - started
        result["diagram_bytes"] = transfer.total() - before
    context.close()
    return result


def walk_every_path(page, walks) -> list[dict]:
    """Every path of the tree, answered as a person would, then start again."""
    for path in walks:
        for kind, _question, value in path:
            form = page.locator(".bt-widget form.bt-question")
            if kind == "choice":
                form.locator(f'input[value="{value}"]').check()
            else:
                for field, text in value.items():
                    form.locator(f'input[name="{field}"]').fill(text)
            count = page.evaluate("window.__bench.answers.length")
            form.locator("button[type=submit]").click()
            page.wait_for_selector(f'html[data-bench-answers="{count + 1}"]', state="attached", timeout=30_000)
        page.get_by_role("button", name="Start på nytt").click()
        page.evaluate("window.__bench.lastKey = null")
    return page.evaluate("window.__bench.answers")


def run_plain_page(browser, base: str, path: str) -> int:
    context, page, transfer = new_page(browser, PROFILES[0])
    page.goto(base + path, wait_until="networkidle")
    context.close()
    return transfer.total(is_pyodide)


def scripted_walk(slug: str):
    from tooling import registry
    from tooling.paths import all_paths

    return [[(s.question.kind, s.question.id, s.raw_answer()) for s in path.steps]
            for path in all_paths(registry.current().trees[slug])]


def baseline_copy(scratch: Path, version: str) -> Path:
    """The site as it is (linked, not copied) plus the baseline under __bench__/, precompressed
    by the site's own step. Its Pyodide sits under assets/pyodide/<version>/ as the site's does,
    so nginx gives it the same caching headers."""
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
    precompress.build(bench, ROOT / ".cache")
    return www


def pct(values, q):
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def num(x: float, digits: int = 2) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


def mb(n: float) -> str:
    return f"{num(n / 1_000_000)} MB" if n >= 100_000 else f"{n / 1000:.0f} kB"


def ms(x: float) -> str:
    return f"{x:.0f} ms"


def verdict(ok: bool) -> str:
    return "OK" if ok else "BOM"


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
    brotli = run_nginx.brotli_available()

    from playwright.sync_api import sync_playwright

    load_before = os.getloadavg()[0]
    tree = {p.key: [] for p in PROFILES}
    baseline = {p.key: [] for p in PROFILES}
    scratch = Path(tempfile.mkdtemp(prefix="hjemmekontor-bench-"))
    try:
        www = baseline_copy(scratch, version)
        with run_nginx.Nginx(www, brotli=brotli) as base, sync_playwright() as p:
            browser = Browser(p, scratch)
            # Warm the OS file cache and nginx; not counted.
            run_baseline(browser, base, PROFILES[0])
            run_tree(browser, base, args.tree, PROFILES[0])
            for i in range(args.runs):
                for profile in PROFILES:
                    # Interleaved, and in turn first, so drift on a shared machine hits both alike.
                    order = ("tree", "baseline") if i % 2 == 0 else ("baseline", "tree")
                    for what in order:
                        if what == "tree":
                            walk = walks if profile.key == "loopback" else None
                            tree[profile.key].append(run_tree(browser, base, args.tree, profile, walk))
                        else:
                            baseline[profile.key].append(run_baseline(browser, base, profile))
                    t, b = tree[profile.key][-1], baseline[profile.key][-1]
                    print(f"  kjøring {i + 1}/{args.runs}, {profile.name}: tre klart {ms(t['ready'])} "
                          f"(varmt {ms(t['warm_ready'])}), grunnlinje {ms(b['cold'])} (varmt {ms(b['warm'])})",
                          file=sys.stderr, flush=True)
            plain_pages = [p for p in page_paths() if not p.startswith("beslutningstre/") or p == "beslutningstre/"]
            plain_bytes = {p: run_plain_page(browser, base, p) for p in plain_pages}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    report(args, version, brotli, tree, baseline, plain_bytes, (load_before, os.getloadavg()[0]))
    return 0


def report(args, version, brotli, tree, baseline, plain_bytes, load) -> None:
    med = statistics.median
    fig = {}
    for p in PROFILES:
        t, b = tree[p.key], baseline[p.key]
        fig[p.key] = {
            "ready": med(r["ready"] for r in t), "base": med(r["cold"] for r in b),
            # Each tree run beside the baseline run next to it, so drift cancels out.
            "ratio": med(r["ready"] / s["cold"] for r, s in zip(t, b)),
            "warm": med(r["warm_ready"] for r in t), "base_warm": med(r["warm"] for r in b),
            "clickable": med(r["clickable"] for r in t),
            "bytes": med(sum(r["bytes"].values()) for r in t), "warm_bytes": med(r["warm_bytes"] for r in t),
            "base_bytes": med(r["bytes"] for r in b), "base_warm_bytes": med(r["warm_bytes"] for r in b),
        }
    loop, home = fig["loopback"], fig["hjemme"]
    runs = tree["loopback"]
    frames = [a["frame"] for r in runs for a in r["answers"]]
    doms = [a["dom"] for r in runs for a in r["answers"]]
    pyodide_plain = max(plain_bytes.values())

    encodings = sorted({e for r in runs for e in r["encoding"].values()})
    print()
    print(f"Beslutningstre-benchmark: beslutningstre/{args.tree}/ og grunnlinjen, {args.runs} kalde og varme besøk "
          f"hver per profil (median), vekselvis; nginx med deploy/ ({'brotli og gzip' if brotli else 'bare gzip'}; "
          f"wasm-filen kom som {', '.join(encodings)}), Chromium headless, Pyodide {version}")
    print("Grunnlinje: bar side som importerer npm-pakkens pyodide.mjs og venter på loadPyodide() med standardvalg, "
          "fra samme nginx, komprimert som nettstedet.\nVarmt: full omlasting i samme nettleserprofil, på disk som "
          "en ansatts (i inkognito lagrer Chromium ingen kodebuffer).")
    # Absolute times drift with whatever else the machine runs; the ratios much less. The bench
    # itself keeps about two cores busy, so "after" includes it.
    print(f"Maskinens last (snitt siste minutt, {os.cpu_count()} kjerner): {num(load[0])} før, "
          f"{num(load[1])} etter (med benchmarken selv)")
    print()

    rows = [
        ("tre klart, kaldt", lambda f: ms(f["ready"]), {}, ""),
        ("grunnlinje klar, kaldt", lambda f: ms(f["base"]), {}, ""),
        ("tre ÷ grunnlinje, kaldt", lambda f: num(f["ratio"]),
         {"loopback": loop["ratio"] <= 0.50, "hjemme": home["ratio"] <= 0.60}, "loopback ≤ 0,50; hjemme ≤ 0,60"),
        ("tre klart, varmt (full omlasting)", lambda f: ms(f["warm"]), {"loopback": loop["warm"] <= 800},
         "loopback ≤ 800 ms"),
        ("grunnlinje klar, varmt", lambda f: ms(f["base_warm"]), {}, ""),
        ("første spørsmål klikkbart, kaldt", lambda f: ms(f["clickable"]), {"loopback": loop["clickable"] <= 300},
         "loopback ≤ 300 ms"),
        ("overført, treside kaldt", lambda f: mb(f["bytes"]),
         {k: f["bytes"] <= 4_300_000 for k, f in fig.items()}, "≤ 4,30 MB"),
        ("overført, treside varmt", lambda f: mb(f["warm_bytes"]), {}, ""),
        ("overført, grunnlinje kaldt", lambda f: mb(f["base_bytes"]), {}, ""),
        ("overført, grunnlinje varmt", lambda f: mb(f["base_warm_bytes"]), {}, ""),
    ]
    head = ["", *(p.name for p in PROFILES), "mål"]
    table = [head]
    for name, show, checks, target in rows:
        cells = []
        for p in PROFILES:
            cell = show(fig[p.key])
            if p.key in checks:
                cell += f" {verdict(checks[p.key])}"
            cells.append(cell)
        table.append([name, *cells, target])
    table.append(["svartid, klikk → neste steg vist, p50", f"{num(pct(frames, .5), 1)} ms", "", "", ""])
    table.append(["svartid, klikk → neste steg vist, p95",
                  f"{num(pct(frames, .95), 1)} ms {verdict(pct(frames, .95) <= 50)}", "", "", "p95 ≤ 50 ms"])
    table.append(["Pyodide-bytes på sider uten tre, kaldt", f"{pyodide_plain} byte {verdict(pyodide_plain == 0)}",
                  "", "", "0 byte"])
    widths = [max(len(row[c]) for row in table) for c in range(len(head))]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())

    print()
    parts = runs[-1]["bytes"]
    total = sum(parts.values())
    pyodide_part = sum(n for path, n in parts.items() if is_pyodide(path))
    print(f"Treside kaldt, bytes: Pyodide og motoren {mb(pyodide_part)}, resten (side, tema, widget) "
          f"{mb(total - pyodide_part)}; største: "
          + ", ".join(f"{Path(path).name} {mb(n)}" for path, n in sorted(parts.items(), key=lambda x: -x[1])[:3]))
    print(f"Svartider: {len(frames)} svar (alle veier i treet, hver kjøring på loopback), DOM oppdatert "
          f"p50 {num(pct(doms, .5), 1)} / p95 {num(pct(doms, .95), 1)} ms")
    print(f"Diagrammet (Mermaid lastes først når leseren blar dit): median "
          f"{ms(statistics.median(r['diagram_ms'] for r in runs))} fra rulling til tegnet, "
          f"{mb(runs[-1]['diagram_bytes'])} overført da (ikke med i sidens tall over)")
    throttle_check(tree)
    for p in PROFILES:
        print(f"Alle, {p.name}: tre {', '.join(ms(r['ready']) for r in tree[p.key])}; "
              f"grunnlinje {', '.join(ms(r['cold']) for r in baseline[p.key])}")


def throttle_check(tree) -> None:
    """The proof that the emulation holds back the worker: the stdlib zip is fetched by the worker
    alone, so under a profile it cannot arrive faster than its bytes at the profile's rate."""
    def wire(key):
        times = [r["stdlib_ms"] for r in tree[key] if r["stdlib_ms"] is not None]
        return statistics.median(times) if times else None

    unthrottled = wire("loopback")
    for p in PROFILES:
        if p.mbit is None:
            continue
        measured = wire(p.key)
        if measured is None:
            print(f"Kontroll, {p.name}: fant ikke stdlib-zip-en blant forespørslene.")
            continue
        floor = tree[p.key][0]["stdlib_bytes"] * 8 / (p.mbit * 1_000_000) * 1000
        ok = measured >= 0.95 * floor
        print(f"Kontroll, {p.name}: stdlib-zip-en (bare workeren henter den) brukte {ms(measured)} fra forespørsel "
              f"til siste byte (loopback: {ms(unthrottled or 0)}); {p.mbit:g} Mbit/s gir minst {ms(floor)}: "
              + ("workerens forespørsler strupes." if ok else "IKKE STRUPET, tallene for profilen gjelder ikke."))


if __name__ == "__main__":
    raise SystemExit(main())
