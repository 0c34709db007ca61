// Start on intent: when a reader points at, touches or focuses a link to a tree page, start the
// engine's download then, so it is further along when the page opens (under instant navigation the
// worker lives on into that page). A page where nobody shows such intent loads no byte of Pyodide.

const EVENTS = ["pointerover", "touchstart", "focusin"];

// `section`: where tree pages live (absolute URL of beslutningstre/); `start`: starts the engine.
export function startOnIntent(section, start) {
  const listener = (event) => {
    const link = event.target instanceof Element && !event.target.closest("[data-hk-no-prefetch]") ? event.target.closest("a[href]") : null;
    if (!link || !isTreePage(new URL(link.href, location.href), section)) return;
    for (const type of EVENTS) document.removeEventListener(type, listener, true);
    start();
  };
  for (const type of EVENTS) document.addEventListener(type, listener, { capture: true, passive: true });
}

// A page below the section (beslutningstre/<tree>/), not the section's own list page.
function isTreePage(url, section) {
  return url.origin === section.origin && url.pathname.startsWith(section.pathname)
    && url.pathname.length > section.pathname.length;
}
