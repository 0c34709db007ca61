"""`make search-bench`: how well and how fast the site's search answers, through its real search box.

A benchmark, not a test: it prints figures and fails only if something does not run. The tests
(tests/browser/test_search_queries.py) assert the behaviour on the same query set.

- The query set is tests/search/queries.toml (tools/search_queries.py): each query with the sections
  that answer it, split into a tuning half and a held-out half.
- Served as the intranet serves it: Debian's nginx with deploy/'s configuration and its
  Content-Security-Policy, brotli where the module is installed (tools/bench.py does the same).
- Hits: each query is typed into the search box of the built site in Chromium, and a query counts
  when a right section is among the first 3 (or 5) results the reader sees (tools/searchbox.py).
- Time to first result: a cold browser profile on the "hjemme" profile (20 Mbit/s, 40 ms, Chromium's
  network emulation), the front page loaded; then "/" and a query typed at once; from the "/" key to
  the first result on screen (the next animation frame). Median of --runs.
- Bytes on the wire: every request the search makes, headers and encoded bodies, from loading the
  page to the first result; "index" counts the search's data files alone.

    .venv/bin/python tools/search_bench.py [--site DIR] [--runs N] [--misses] [--half tuning|heldout]
"""

from __future__ import annotations

import argparse
import contextlib
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from tools import bench, run_nginx, search_queries, searchbox
from tools.devserver import SITE, launch

HOME = next(p for p in bench.PROFILES if p.key == "hjemme")
TIMING_QUERY = "forsikring"
# What the search fetches: its scripts and workers, and its data ("index").
SEARCH_FILE = re.compile(r"/search/|/workers/search|/javascripts/lunr/|/pagefind/|/javascripts/search")
INDEX_FILE = re.compile(r"/search/[^/]*\.json$|/pagefind/(index|fragment|filter)/|/pagefind/pagefind-entry\.json$"
                        r"|/pagefind/[^/]*\.pf_meta$")

# Installed before any page script: when the first key was pressed, and when the first result
# link was on screen (the next animation frame after it entered the list).
OBSERVE = """
(() => {
  const t = (window.__search = {});
  document.addEventListener("keydown", (e) => { if (t.key == null) t.key = e.timeStamp; }, true);
  new MutationObserver(() => {
    if (t.dom != null) return;
    if (document.querySelector(".md-search-result__list .md-search-result__link")) {
      t.dom = performance.now();
      requestAnimationFrame(() => {
        t.frame = performance.now();
        document.documentElement.dataset.searchShown = "";
      });
    }
  }).observe(document, { subtree: true, childList: true });
})();
"""


def accuracy(browser, base: str, queries) -> dict[str, list[str]]:
    """Every query through the search box of one page: query -> the results shown."""
    context = browser.new_context(locale="nb-NO")
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    page = context.new_page()
    page.goto(base)
    searchbox.open_search(page)
    mount = urlsplit(base).path
    out = {}
    for q in queries:
        searchbox.enter(page, q.text)
        out[q.text] = searchbox.shown(page, mount)
    context.close()
    foreign = [url for url in seen if urlsplit(url).scheme in ("http", "https")
               and urlsplit(url).netloc != urlsplit(base).netloc]
    if foreign:
        raise SystemExit(f"Søket spurte andre nettsteder: {foreign}")
    return out


def first_result(browser: bench.Browser, base: str) -> dict:
    """One cold visit to the front page on the home profile, then a search."""
    context, page, transfer = bench.new_page(browser, HOME, OBSERVE)
    page.goto(base)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.keyboard.type(TIMING_QUERY)
    page.wait_for_selector("html[data-search-shown]", state="attached", timeout=60_000)
    t = page.evaluate("window.__search")
    page.wait_for_load_state("networkidle")
    taken = transfer.take()
    context.close()
    search = {p: n for p, n in taken.items() if SEARCH_FILE.search(p)}
    return {"ms": t["frame"] - t["key"], "bytes": sum(search.values()),
            "index": sum(n for p, n in search.items() if INDEX_FILE.search(p)), "files": search}


def score(results: dict[str, list[str]], queries) -> dict:
    out = {}
    for half in (*search_queries.HALVES, "all"):
        qs = [q for q in queries if half == "all" or q.half == half]
        ranks = [search_queries.first_right(results[q.text], q.targets) for q in qs]
        out[half] = {"n": len(qs), "at3": sum(1 for r in ranks if r and r <= 3),
                     "at5": sum(1 for r in ranks if r and r <= 5),
                     "empty": sum(1 for q in qs if not results[q.text])}
    return out


def pct(hit: int, n: int) -> str:
    return f"{hit}/{n} ({100 * hit / n:.0f} %)".replace(".", ",")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", action="append", metavar="[NAME=]DIR",
                        help="a built site to measure (default site/); give several to compare them")
    parser.add_argument("--runs", type=int, default=3, help="cold visits for the time to first result (0: none)")
    parser.add_argument("--misses", action="store_true", help="list every query without a right answer in the first 5")
    parser.add_argument("--half", choices=search_queries.HALVES, help="list misses of this half only")
    args = parser.parse_args(argv)

    sites = {}
    for spec in args.site or [str(SITE)]:
        name, _, path = spec.rpartition("=")
        site = Path(path).resolve()
        if not (site / "index.html").exists():
            raise SystemExit(f"{site} mangler: kjør 'make site' først.")
        sites[name or site.name] = site
    if not run_nginx.find_nginx():
        raise SystemExit(run_nginx.MISSING)
    queries = search_queries.load()

    from playwright.sync_api import sync_playwright

    scratch = Path(tempfile.mkdtemp(prefix="hjemmekontor-search-bench-"))
    results, timings = {}, {name: [] for name in sites}
    try:
        with contextlib.ExitStack() as stack, sync_playwright() as p:
            brotli = run_nginx.brotli_available()
            bases = {name: stack.enter_context(run_nginx.Nginx(site, brotli=brotli)) for name, site in sites.items()}
            browser = launch(p)
            for name, base in bases.items():
                results[name] = accuracy(browser, base, queries)
            browser.close()
            if args.runs:
                cold = bench.Browser(p, scratch)
                for base in bases.values():
                    first_result(cold, base)  # warm the OS file cache and nginx; not counted
                for i in range(args.runs):
                    # In turn, so drift on a shared machine hits every build alike.
                    for name, base in bases.items():
                        timings[name].append(first_result(cold, base))
                        ms = timings[name][-1]["ms"]
                        print(f"  kjøring {i + 1}/{args.runs}, {name}: første treff etter {ms:.0f} ms",
                              file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    for name, site in sites.items():
        report(name, site, queries, results[name], timings[name], args)
    if len(sites) > 1:
        table(sites, queries, results, timings)
    return 0


def report(name, site, queries, results, timings, args) -> None:
    s = score(results, queries)
    print(f"\n{name}: {len(queries)} søk fra tests/search/queries.toml i søkefeltet på {site}, Chromium, "
          "nginx med deploy/")
    for half, label in (("heldout", "holdt utenfor"), ("tuning", "tuning"), ("all", "alle")):
        f = s[half]
        print(f"  {label:14} riktig blant de 3 første: {pct(f['at3'], f['n']):16} blant de 5 første: "
              f"{pct(f['at5'], f['n']):16} tom side: {f['empty']}")
    if timings:
        med = statistics.median
        print(f"  {HOME.name}, kald, «/» og «{TIMING_QUERY}»: første treff etter "
              f"{med(t['ms'] for t in timings):.0f} ms (median av {len(timings)}: "
              f"{', '.join(f'{t['ms']:.0f}' for t in timings)}); "
              f"overført for søket {med(t['bytes'] for t in timings) / 1000:.1f} kB, "
              f"derav indeks {med(t['index'] for t in timings) / 1000:.1f} kB")
        print("  filer: " + ", ".join(f"{Path(p).name} {n / 1000:.1f} kB" for p, n in
                                     sorted(timings[-1]["files"].items(), key=lambda x: -x[1])))
    if args.misses or args.half:
        for q in queries:
            if args.half and q.half != args.half:
                continue
            rank = search_queries.first_right(results[q.text], q.targets)
            if not rank or rank > 5:
                print(f"  [{q.half}] «{q.text}» → {results[q.text][:5]}  (ventet {', '.join(q.targets)})")
            elif rank > 3:
                print(f"  [{q.half}] «{q.text}» nr. {rank}")


def table(sites, queries, results, timings) -> None:
    """The comparison as one Markdown table."""
    med = statistics.median
    print("\n| | holdt utenfor, 3 første | holdt utenfor, 5 første | tuning, 3 første | tuning, 5 første "
          "| tom side | indeks på nettet | alt søket henter | første treff, hjemme |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in sites:
        s = score(results[name], queries)
        t = timings[name]
        wire = (f"{med(x['index'] for x in t) / 1000:.1f} kB | {med(x['bytes'] for x in t) / 1000:.1f} kB | "
                f"{med(x['ms'] for x in t):.0f} ms") if t else "– | – | –"
        held = s["heldout"]
        print(f"| {name} | {pct(held['at3'], held['n'])} | {pct(held['at5'], held['n'])} "
              f"| {pct(s['tuning']['at3'], s['tuning']['n'])} | {pct(s['tuning']['at5'], s['tuning']['n'])} "
              f"| {s['all']['empty']} | {wire} |")


if __name__ == "__main__":
    raise SystemExit(main())
