// "Gå til innhold" must move keyboard focus to the content. Material's instant navigation
// handles in-page links itself: it replays them on a detached <a>, which leaves focus on
// <body> and the next Tab at the top of the page (measured in tests/browser). So the skip
// link is handled here, before Material sees the click: focus the target, as a plain page
// would. Listens once on document, so it survives instant page changes.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a.md-skip") : null;
  const id = link ? decodeURIComponent(new URL(link.href).hash.slice(1)) : "";
  const target = id && document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  event.stopPropagation();
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus();
}, true);
