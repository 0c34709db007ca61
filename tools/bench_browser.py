"""`make bench`, part 1: the browser, the network profiles and what the page records.

See tools/bench.py for what is measured and how. This module holds what every visit shares:
Debian's Chromium with a profile on disk, Chromium's network emulation, the byte counter, and the
observers an init script installs in the page (the product carries no timing code).
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from tools.devserver import CHROMIUM, CHROMIUM_ARGS

TIMEOUT_MS = 120_000
ENGINE_DONE = ".hk-widget[data-engine=ready], .hk-widget[data-engine=failed]"


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
# answer's next step is on screen (again the next animation frame), measured from the click on
# «Neste» (the event's own time stamp). The count of answers goes on <html> as well, for the
# bench to wait on with a selector: nginx's CSP forbids the eval behind wait_for_function.
OBSERVE = """
(() => {
  const t = (window.__bench = { answers: [] });
  let clickAt = null;
  document.addEventListener("click", (e) => {
    if (e.target.closest?.(".hk-widget button[type=submit]")) clickAt = e.timeStamp;
  }, true);
  new MutationObserver(() => {
    const w = document.querySelector(".hk-widget");
    if (!w) return;
    const radio = w.querySelector("input[type=radio]:not(:disabled)");
    // On screen, not merely in the DOM: the next animation frame after it appears.
    if (radio && t.clickableDom == null) {
      t.clickableDom = performance.now();
      requestAnimationFrame(() => (t.clickable = performance.now()));
    }
    if (w.dataset.engine === "ready" && t.ready == null) t.ready = performance.now();
    if (w.dataset.engine === "failed" && t.failed == null) t.failed = performance.now();
    if (clickAt != null && !w.querySelector(".hk-loading") && !w.querySelector("[disabled]")) {
      const from = clickAt;
      const key = w.querySelector(".hk-body > *")?.dataset.question ?? w.querySelector(".hk-outcome h2")?.textContent;
      if (key && key !== t.lastKey) {
        t.lastKey = key;
        clickAt = null;
        const dom = performance.now();
        requestAnimationFrame(() => {
          t.answers.push({ dom: dom - from, frame: performance.now() - from, at: from });
          document.documentElement.dataset.benchAnswers = String(t.answers.length);
        });
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-engine"] });
})();
"""


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
    return "/assets/pyodide/" in path or "/assets/beslutningstre/" in path or "tree-worker" in path \
        or "tree-runtime" in path


class Browser:
    """Debian's Chromium with a fresh profile on disk for every context (see tools/bench.py on warm)."""

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
