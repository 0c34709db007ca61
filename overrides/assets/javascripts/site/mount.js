// Mounting components on every page Material shows, once each (GOV.UK Frontend's createAll).
//
// The bundled script runs from the page's head, before the body is parsed: components mount as soon
// as the parser delivers their element, then on every page instant navigation brings in (Material's
// `document$`, which replays the current page to a new subscriber). As in GOV.UK Frontend, one
// component that fails to start is reported and left alone: the others on the page still mount.

const mounted = new WeakSet();
const registered = [];

// While the page is parsed, an element may be in the document before its children are: it is
// complete once anything follows it (the parser has moved past its end tag).
function complete(element) {
  if (document.readyState !== "loading") return true;
  for (let node = element; node && node !== document.body; node = node.parentNode) {
    if (node.nextSibling) return true;
  }
  return false;
}

function mountAll() {
  for (const { selector, Component, instances } of registered) {
    for (const instance of instances) if (!instance.root.isConnected) instances.delete(instance);
    for (const element of document.querySelectorAll(selector)) {
      if (mounted.has(element) || !complete(element)) continue;
      mounted.add(element);
      try {
        instances.add(new Component(element));
      } catch (error) {
        element.setAttribute("data-mount-failed", "");
        console.error(`${selector}: kunne ikke starte`, error);
      }
    }
  }
}

// Start the parse-time watch once; subscribe to Material once its bundle has defined document$.
let watching = false;

function watch() {
  if (watching) return;
  watching = true;
  const follow = () => window.document$?.subscribe?.(mountAll);
  if (document.readyState !== "loading") return follow();
  const parsing = new MutationObserver(mountAll);
  parsing.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => {
    parsing.disconnect();
    mountAll();
    follow();
  }, { once: true });
}

// Mount `Component` (constructed with its element) on every element matching `selector`.
// Returns the live set of instances, which drops those whose element has left the page.
export function createAll(selector, Component) {
  const instances = new Set();
  registered.push({ selector, Component, instances });
  watch();
  mountAll();
  return instances;
}
