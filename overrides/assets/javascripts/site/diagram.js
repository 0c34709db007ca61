// A tree page's Mermaid diagram, drawn only when the reader gets near it.
//
// Mermaid is 5.5 MB of JavaScript, parsed and run on the main thread. Most readers use the widget
// at the top and never scroll down to the diagram, so loading Mermaid with the page made every
// tree page slower to become ready (measured with `make bench`). The page carries the diagram's
// source (partials/tree/diagram.mmd); this loads the self-hosted Mermaid once the diagram
// is within a screen of the viewport, or when someone follows a link to it, and draws it the way
// Material draws its own Mermaid blocks: into a shadow root, in the palette's colours. Its status
// texts are the build's (page.md); without JavaScript the page says the outline shows the same.

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

export class Diagram {
  constructor(root) {
    this.root = root;
    this.status = root.querySelector(".hk-diagram__status");
    this.show("waiting");
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.draw();
    }, { rootMargin: "100% 0px" }); // start a screen early, so it is usually drawn on arrival
    this.observer.observe(root);
    // Printing a page whose diagram is still waiting: start it, so a second try has it.
    window.addEventListener("beforeprint", () => this.draw(), { once: true });
  }

  show(state) {
    this.root.dataset.diagram = state;
    const text = this.root.dataset[`text${state[0].toUpperCase()}${state.slice(1)}`];
    if (text) this.status.textContent = text;
  }

  // Mermaid shrinks a diagram to the column's width: a large tree's text came out at about 6 px at
  // 1280 px wide. Instead, draw it where its text is as large as the page's, and let a diagram wider than the column scroll sideways, by
  // mouse, touch or arrow keys (the scrolling region takes focus, and says what it is).
  fitText(host, svg, label) {
    const box = svg?.viewBox.baseVal;
    const labelPx = label ? parseFloat(getComputedStyle(label).fontSize) : 0;
    if (!box?.width || !labelPx) return;
    // In rem (the svg's own em is Mermaid's): the page's text is a fixed part of the root's size.
    const px = (element) => parseFloat(getComputedStyle(element).fontSize);
    const rem = px(host) / px(document.documentElement) / labelPx;
    svg.style.maxWidth = "none";
    svg.style.width = `${box.width * rem}rem`;
    svg.style.height = `${box.height * rem}rem`;
    svg.removeAttribute("width");
    const wide = host.scrollWidth > host.clientWidth + 1;
    this.root.toggleAttribute("data-wide", wide);
    if (!wide) return;
    host.tabIndex = 0;
    host.setAttribute("role", "region");
    host.setAttribute("aria-label", this.root.dataset.textWide);
    // Open it at the tree's start, the topmost node, not at its left edge.
    const start = [...svg.querySelectorAll("g.node")].map((node) => node.getBoundingClientRect())
      .reduce((top, box) => (box.top < top.top ? box : top));
    host.scrollLeft = start.left + start.width / 2 - host.getBoundingClientRect().left - host.clientWidth / 2;
    const hint = document.createElement("p");
    hint.className = "hk-diagram__hint";
    hint.textContent = this.root.dataset.textWide;
    host.before(hint);
  }

  async draw() {
    this.observer.disconnect();
    const source = this.root.querySelector(".hk-diagram__source");
    if (!source || this.root.dataset.diagram !== "waiting") return;
    this.show("loading");
    try {
      const mermaid = await loadMermaid(this.root.dataset.mermaid);
      const { svg, bindFunctions } = await mermaid.render(`hk-diagram-${++drawn}`, source.textContent);
      if (!this.root.isConnected) return; // the reader has already moved on to another page
      const host = document.createElement("div");
      host.className = "mermaid";
      const shadow = host.attachShadow({ mode: "open" });
      shadow.innerHTML = svg;
      bindFunctions?.(shadow);
      source.replaceWith(host);
      this.status.remove();
      this.fitText(host, shadow.querySelector("svg"), shadow.querySelector(".nodeLabel"));
      this.root.dataset.diagram = "drawn";
    } catch (error) {
      console.error("Beslutningstre-diagram:", error);
      this.show("failed");
    }
  }
}
