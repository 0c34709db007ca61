// "Kopier lenke" beside every guideline point and FAQ answer. The build renders each one, hidden, with
// its words and its place for the message (partials/copy-link.html, hooks/copy_links.py), and the
// page's messages once (partials/copy-link-messages.html). This shows the button and copies the
// full address of its anchor; without JavaScript the button never shows and the "#" link remains.

import { copyText } from "./clipboard.js";
import { fillMessage } from "./fragments.js";

export class CopyLink {
  constructor(root) {
    this.root = root;
    this.button = root.querySelector("button");
    this.status = root.querySelector("[role=status]");
    this.button.addEventListener("click", () => this.copy());
    root.hidden = false;
  }

  // The page's own address with this anchor; not the ?h= that Material adds after a search.
  get address() {
    const url = new URL(location.href);
    url.search = "";
    url.hash = this.root.dataset.copyLink;
    return url.href;
  }

  async copy() {
    // One message on the page at a time: the newest copy is the one that counts.
    for (const other of document.querySelectorAll("[data-copy-link] [role=status]")) {
      if (other !== this.status) other.textContent = "";
    }
    await copyAndAnnounce(this.address, this.button, this.status, message);
  }
}

// Copy `link` (the trigger is where the fallback selection shows) and say in `status` how it went,
// in the words `message(name, values)` gives: "Kopier lenke" here and in a decision tree's answer.
export async function copyAndAnnounce(link, trigger, status, message) {
  const copied = await copyText(link, trigger);
  announce(status, copied ? message("copied") : message("not-copied", { link }));
}

// Clearing first makes screen readers read a repeated message again.
export function announce(status, text) {
  status.textContent = "";
  requestAnimationFrame(() => (status.textContent = text));
}

// A message from the page's build-rendered list (partials/copy-link-messages.html).
function message(name, values) {
  const text = document.querySelector("template[data-copy-link-messages]")?.content
    .querySelector(`[data-message="${name}"]`)?.textContent ?? "";
  return fillMessage(text, values);
}
