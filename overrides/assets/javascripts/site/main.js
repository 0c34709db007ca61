// The decision trees' script: bundled from these modules at build time by esbuild (hooks/widget_script.py)
// into one classic script that the head of every page loads (overrides/main.html). On a tree page
// it runs before the body is parsed: it starts the engine's worker at once and shows the first
// question while the parser is still working. It fetches nothing from Pyodide unless a page carries
// a tree or the reader shows intent to open one.

import { getEngine } from "./engine-client.js";
import { startOnIntent } from "./intent.js";
import { createAll } from "./mount.js";
import { Widget } from "./widget.js";
import { Diagram } from "./diagram.js";
import { CopyLink } from "./copy-link.js";

// Paths are relative to this script, so the site works under any sub-path.
const script = document.currentScript;
const scriptUrl = script.src;

// The page's head says it carries a tree: start the engine before the body is even parsed.
if (document.querySelector('meta[name="hk-tree"]')) getEngine(scriptUrl);
startOnIntent(new URL(script.dataset.trees, location.href), () => getEngine(scriptUrl));

const widgets = createAll(".hk-widget[data-hk-tree]", class extends Widget {
  constructor(root) {
    super(root, scriptUrl);
  }
});
createAll(".hk-diagram[data-mermaid]", Diagram);
// Not the trees': "Kopier lenke" beside each FAQ answer and guideline point rides on the same script.
createAll("[data-copy-link]", CopyLink);

window.addEventListener("popstate", () => {
  for (const widget of widgets) if (widget.root.isConnected) widget.popState();
});
