// The Mermaid diagram on decision-tree pages, drawn only when the reader gets near it.
//
// Mermaid is 5.5 MB of JavaScript, parsed and run on the main thread. Most readers use the
// widget at the top and never scroll down to the diagram, so loading Mermaid with the page made
// every tree page slower to become ready (measured with `make bench`). The page carries the
// diagram's source (hooks/tree_pages.py); this script loads the self-hosted Mermaid once the
// diagram is within a screen of the viewport, or when someone follows a link to it, and draws it
// the way Material draws its own Mermaid blocks: into a shadow root, in the palette's colours.
// Without JavaScript the page says that the outline above shows the same.
(() => {
"use strict";

// Material's Mermaid styles for flowcharts (from its bundle; Material applies them only to the
// diagrams it draws itself). The colours are Material's custom properties, which reach into the
// shadow root, so a change between light and dark needs no redraw.
const THEME_CSS = [
  ".node circle,.node ellipse,.node path,.node polygon,.node rect{fill:var(--md-mermaid-node-bg-color);stroke:var(--md-mermaid-node-fg-color)}",
  "marker{fill:var(--md-mermaid-edge-color)!important}",
  ".edgeLabel .label rect{fill:#0000}",
  ".flowchartTitleText{fill:var(--md-mermaid-label-fg-color)}",
  ".label{color:var(--md-mermaid-label-fg-color);font-family:var(--md-mermaid-font-family)}",
  ".label foreignObject{overflow:visible;line-height:normal}",
  ".label div .edgeLabel{color:var(--md-mermaid-label-fg-color)}",
  ".edgeLabel,.edgeLabel p,.label div .edgeLabel{background-color:var(--md-mermaid-label-bg-color)}",
  ".edgeLabel,.edgeLabel p{color:var(--md-mermaid-edge-color);fill:var(--md-mermaid-label-bg-color)}",
  ".edgePath .path,.flowchart-link{stroke:var(--md-mermaid-edge-color)}",
  ".edgePath .arrowheadPath{fill:var(--md-mermaid-edge-color);stroke:none}",
  "g #flowchart-circleEnd,g #flowchart-circleStart,g #flowchart-crossEnd,g #flowchart-crossStart,g #flowchart-pointEnd,g #flowchart-pointStart{stroke:none}",
  ".nodeLabel,.nodeLabel p{color:var(--md-mermaid-label-fg-color);font-family:var(--md-mermaid-font-family)}",
].join("");

const TEXT = {
  waiting: "Diagrammet tegnes når du blar ned hit.",
  loading: "Laster diagrammet …",
  failed: "Diagrammet kunne ikke vises. Oversikten over, «Hele treet», viser det samme.",
};

let mermaidReady = null; // one load for the whole visit, across instant navigation
let drawn = 0;

function loadMermaid(src) {
  if (mermaidReady) return mermaidReady;
  mermaidReady = new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => {
      // An element with id="mermaid" would also be window.mermaid; only the library has render().
      if (typeof window.mermaid?.render !== "function") return reject(new Error("Mermaid mangler"));
      window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", themeCSS: THEME_CSS });
      resolve(window.mermaid);
    };
    script.onerror = () => reject(new Error(`Kunne ikke laste ${src}`));
    document.head.append(script);
  });
  // A failed load may work next time (a network blip): don't keep the rejection.
  mermaidReady.catch(() => (mermaidReady = null));
  return mermaidReady;
}

async function draw(box) {
  const status = box.querySelector(".beslutningstre-diagram__status");
  const source = box.querySelector(".beslutningstre-diagram__kilde");
  if (!source) return;
  box.dataset.diagram = "loading";
  status.textContent = TEXT.loading;
  try {
    const mermaid = await loadMermaid(box.dataset.mermaid);
    const { svg, bindFunctions } = await mermaid.render(`beslutningstre-diagram-${++drawn}`, source.textContent);
    if (!box.isConnected) return; // the reader has already moved on to another page
    const host = document.createElement("div");
    host.className = "mermaid";
    const shadow = host.attachShadow({ mode: "open" });
    shadow.innerHTML = svg;
    bindFunctions?.(shadow);
    source.replaceWith(host);
    status.remove();
    box.dataset.diagram = "drawn";
  } catch (error) {
    console.error("Beslutningstre-diagram:", error);
    status.textContent = TEXT.failed;
    status.classList.add("beslutningstre-diagram__status--feil");
    box.dataset.diagram = "failed";
  }
}

// One observer per page: instant navigation replaces the content, and with it the diagrams.
let observer = null;

function mountAll() {
  observer?.disconnect();
  const boxes = [...document.querySelectorAll(".beslutningstre-diagram[data-mermaid]")]
    .filter((box) => !box.dataset.diagram || box.dataset.diagram === "waiting");
  if (!boxes.length) return;
  observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      draw(entry.target);
    }
  }, { rootMargin: "100% 0px" }); // start a screen early, so it is usually drawn on arrival
  for (const box of boxes) {
    box.dataset.diagram = "waiting";
    box.querySelector(".beslutningstre-diagram__status").textContent = TEXT.waiting;
    observer.observe(box);
  }
}

// Printing a page whose diagram is still waiting: start it, so a second try has it.
window.addEventListener("beforeprint", () => {
  for (const box of document.querySelectorAll('.beslutningstre-diagram[data-diagram="waiting"]')) {
    observer?.unobserve(box);
    draw(box);
  }
});

window.document$?.subscribe?.(mountAll);
})();
