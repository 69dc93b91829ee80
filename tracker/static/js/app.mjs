import { initAll } from "/static/govuk/govuk-frontend.min.js";

initAll();

// Every table sits in a region of its own (most pages say so in their markup; this covers any that
// do not), so that a table too wide for the screen scrolls there, never the page.
for (const table of document.querySelectorAll("main table.govuk-table")) {
  if (!table.parentElement.classList.contains("tracker-table-wrap")) {
    const wrap = document.createElement("div");
    wrap.className = "tracker-table-wrap";
    table.parentNode.insertBefore(wrap, table);
    wrap.appendChild(table);
  }
}

// A table too wide for the screen scrolls inside its own region: make that region reachable
// by keyboard and name it after the table's caption, only while it does scroll.
function markScrollingTables() {
  for (const region of document.querySelectorAll(".tracker-table-wrap")) {
    const scrolls = region.scrollWidth > region.clientWidth + 1;
    if (scrolls) {
      region.setAttribute("tabindex", "0");
      region.setAttribute("role", "region");
      const caption = region.querySelector("caption");
      const name = caption ? caption.textContent.trim() : "";
      region.setAttribute("aria-label", name ? `${name} (scrolls sideways)` : "Table (scrolls sideways)");
    } else if (region.hasAttribute("tabindex")) {
      region.removeAttribute("tabindex");
      region.removeAttribute("role");
      region.removeAttribute("aria-label");
    }
  }
}

markScrollingTables();
window.addEventListener("resize", markScrollingTables);
