// A job's page follows the job without reloading: every few seconds it fetches the page again and puts
// the fresh status in place (a polite live region, so a screen reader hears each new step once), and
// when the job has ended it opens the page as it ends, which starts a report's download or opens the
// imported review. Without JavaScript, the page refreshes itself instead.
const status = document.querySelector("[data-job-status]");
const EVERY_MS = 2000;

async function follow() {
  let fresh = null;
  try {
    const response = await fetch(status.dataset.jobPoll, { credentials: "same-origin", cache: "no-store" });
    if (response.ok) {
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      fresh = page.querySelector("[data-job-status]");
    }
  } catch {
    // The network dropped for a moment: try again at the next turn.
  }
  if (fresh && fresh.dataset.jobFinished === "true") {
    window.location.replace(status.dataset.jobNext);
    return;
  }
  if (fresh && fresh.textContent.trim() !== status.textContent.trim()) {
    status.replaceChildren(...fresh.childNodes);
  }
  window.setTimeout(follow, EVERY_MS);
}

if (status && status.dataset.jobFinished !== "true") {
  window.setTimeout(follow, EVERY_MS);
}
