// Copying text to the clipboard, shared by the widget's "Kopier lenke" and the one beside each guideline
// point and FAQ answer (copy-link.js).

// Copy `text`; true if it was copied. On plain http, which an intranet may serve, the Clipboard API
// is missing (it needs a secure context): then the old way, a selected field and "copy", placed
// after `trigger` (so the page does not jump) and focus given back to it.
export async function copyText(text, trigger) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement("textarea");
    field.className = "hk-visually-hidden";
    field.readOnly = true;
    field.value = text;
    trigger.after(field);
    field.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    field.remove();
    trigger.focus();
    return copied;
  }
}
