"""`make bench`, part 3: the figures as a table, each beside its target (Norwegian, for the reader
of `make bench`), and the check that the network emulation holds back the worker."""

from __future__ import annotations

import json
import os
import re
import statistics
from pathlib import Path

from tools.bench_browser import PROFILES, is_pyodide
from tools.devserver import SITE

med = statistics.median


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


def figures(tree, baseline, readers) -> dict:
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
        for delay, runs in readers[p.key].items():
            for visit in ("cold", "warm"):
                fig[p.key][("first", delay, visit)] = med(r[visit][0] for r in runs)
                # Each later step's median over the runs; the worst of those steps.
                later = [med(r[visit][i] for r in runs) for i in range(1, len(runs[0][visit]))]
                fig[p.key][("later", delay, visit)] = max(later) if later else None
    return fig


def reader_rows(fig, delays) -> list:
    rows = []
    for delay in delays:
        for visit, word in (("cold", "kaldt"), ("warm", "varmt")):
            first = ("first", delay, visit)
            ok_first = {"hjemme": fig["hjemme"][first] <= 300} if delay == min(delays) else {}
            rows.append((f"leser svarer etter {num(delay, 1)} s: klikk → neste steg, første svar, {word}",
                         lambda f, k=first: ms(f[k]), ok_first, "hjemme ≤ 300 ms" if ok_first else ""))
            later = ("later", delay, visit)
            if fig["hjemme"][later] is None:
                continue
            rows.append((f"leser svarer etter {num(delay, 1)} s: senere valgsteg, verste median, {word}",
                         lambda f, k=later: ms(f[k]), {p.key: fig[p.key][later] <= 100 for p in PROFILES},
                         "≤ 100 ms"))
    return rows


def report(args, version, brotli, tree, baseline, readers, plain_bytes, load) -> None:
    fig = figures(tree, baseline, readers)
    loop, home = fig["loopback"], fig["hjemme"]
    runs = tree["loopback"]
    frames = [a["frame"] for r in runs for a in r["answers"]]
    doms = [a["dom"] for r in runs for a in r["answers"]]
    pyodide_plain = max(plain_bytes.values())
    delays = sorted(readers["loopback"])

    encodings = sorted({e for r in runs for e in r["encoding"].values()})
    print()
    print(f"Beslutningstre-benchmark: beslutningstre/{args.tree}/ og grunnlinjen, {args.runs} kalde og varme besøk "
          f"hver per profil (median), vekselvis; nginx med deploy/ ({'brotli og gzip' if brotli else 'bare gzip'}; "
          f"wasm-filen kom som {', '.join(encodings)}), Chromium headless, Pyodide {version}")
    print("Grunnlinje: bar side som importerer npm-pakkens pyodide.mjs og venter på loadPyodide() med standardvalg, "
          "fra samme nginx, komprimert som nettstedet.\nVarmt: nytt besøk i samme nettleserprofil, på disk som en "
          "ansatts (i inkognito lagrer Chromium ingen kodebuffer).\nLeser: åpner siden kaldt og svarer på hvert "
          f"spørsmål et fast antall sekunder etter at det vises, langs treets lengste vei med bare valgspørsmål "
          f"({len(readers['loopback'][delays[0]][0]['cold'])} steg); ventetid fra klikk på «Neste» til neste steg "
          "er vist (neste bilde).")
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
        *reader_rows(fig, delays),
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
    print(f"Svartider: {len(frames)} svar (alle veier i treet, hver kjøring på loopback, etter at motoren er klar), "
          f"DOM oppdatert p50 {num(pct(doms, .5), 1)} / p95 {num(pct(doms, .95), 1)} ms")
    print(f"Diagrammet (Mermaid lastes først når leseren blar dit): median "
          f"{ms(med(r['diagram_ms'] for r in runs))} fra rulling til tegnet, "
          f"{mb(runs[-1]['diagram_bytes'])} overført da (ikke med i sidens tall over)")
    prebuilt_sizes()
    throttle_check(tree)
    for p in PROFILES:
        print(f"Alle, {p.name}: tre {', '.join(ms(r['ready']) for r in tree[p.key])}; "
              f"grunnlinje {', '.join(ms(r['cold']) for r in baseline[p.key])}")
        for delay in delays:
            for visit, word in (("cold", "kaldt"), ("warm", "varmt")):
                waits = "; ".join(" / ".join(ms(w) for w in r[visit]) for r in readers[p.key][delay])
                print(f"  leser {num(delay, 1)} s, {word}, ventetid per steg: {waits}")


def prebuilt_sizes() -> None:
    """The steps each tree page carries (data-hk-views), beside the page, raw and as brotli."""
    import brotli  # pinned in requirements.txt: the site's own precompression uses it

    for page in sorted(SITE.glob("beslutningstre/*/index.html")):
        html = page.read_bytes()
        found = re.search(rb" data-hk-views='([^']*)'", html)
        if not found:
            print(f"Forhåndsberegnede steg, {page.parent.name}: ingen")
            continue
        views = found.group(1)
        states = len(json.loads(views)["views"])
        page_br = len(brotli.compress(html))
        print(f"Forhåndsberegnede steg, {page.parent.name}: {states} tilstander, "
              f"{num(len(views) / 1000, 1)} kB ({num(len(brotli.compress(views)) / 1000, 1)} kB brotli alene) "
              "av sidens "
              f"{len(html) / 1000:.0f} kB ({num(page_br / 1000, 1)} kB brotli)")


def throttle_check(tree) -> None:
    """The proof that the emulation holds back the worker: the stdlib zip is fetched by the worker
    alone, so under a profile it cannot arrive faster than its bytes at the profile's rate."""
    def wire(key):
        times = [r["stdlib_ms"] for r in tree[key] if r["stdlib_ms"] is not None]
        return med(times) if times else None

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
