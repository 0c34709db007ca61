"""`make load`: how much nginx (deploy/'s configuration) serves on loopback, measured with wrk.

A benchmark, not a test: it prints figures and fails only if something does not run. It serves
the built site/ under /hjemmekontor/ on 127.0.0.1 (never anything else) with deploy/run_nginx.py,
then runs wrk, bounded in time, against a decision-tree page and Pyodide's wasm, each asked for
with `Accept-Encoding: gzip` as a browser does. It prints requests per second, p99 latency and
throughput.

    .venv/bin/python tools/load.py [--duration 10s] [--connections 16] [--threads 2]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys

from tools import run_nginx
from tools.devserver import ROOT

SITE = ROOT / "site"
TREE_PAGE = "beslutningstre/yrkesskade/"


def wrk(url: str, args) -> dict[str, str]:
    assert url.startswith(f"http://{run_nginx.HOST}:"), url  # loopback only, ever
    out = subprocess.run(
        ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}", "--latency",
         "-H", "Accept-Encoding: gzip", url],
        capture_output=True, text=True, check=True,
    ).stdout
    figures = {
        "req/s": re.search(r"Requests/sec:\s+([\d.]+)", out),
        "p50": re.search(r"^\s+50%\s+(\S+)", out, re.M),
        "p99": re.search(r"^\s+99%\s+(\S+)", out, re.M),
        "transfer/s": re.search(r"Transfer/sec:\s+(\S+)", out),
        "requests": re.search(r"(\d+) requests in", out),
        "errors": re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", out),
    }
    result = {k: (m.group(1) or m.group(0)) if m else "" for k, m in figures.items()}
    if result["errors"]:
        print(out, file=sys.stderr)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk mangler: installer det med 'apt-get install -y wrk'.", file=sys.stderr)
        return 1
    if not run_nginx.find_nginx():
        print(run_nginx.MISSING, file=sys.stderr)
        return 1
    wasm = next(SITE.glob("assets/pyodide/*/pyodide.asm.wasm"), None)
    if not (SITE / TREE_PAGE / "index.html").exists() or wasm is None:
        print("Fant ikke det bygde nettstedet i site/: kjør 'make site' først.", file=sys.stderr)
        return 1
    targets = {"treside (HTML, gzip)": TREE_PAGE, "pyodide.asm.wasm (gzip)": wasm.relative_to(SITE).as_posix()}

    with run_nginx.Nginx(SITE) as base:
        print(f"wrk -t{args.threads} -c{args.connections} -d{args.duration} --latency "
              f"-H 'Accept-Encoding: gzip' {base}<sti>   (nginx, 127.0.0.1)")
        print(f"{'mål':28} {'forespørsler/s':>15} {'p50':>9} {'p99':>9} {'overført/s':>11} {'antall':>9}")
        for name, path in targets.items():
            r = wrk(base + path, args)
            print(f"{name:28} {r['req/s']:>15} {r['p50']:>9} {r['p99']:>9} {r['transfer/s']:>11} {r['requests']:>9}"
                  + (f"   FEIL: {r['errors']}" if r["errors"] else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
