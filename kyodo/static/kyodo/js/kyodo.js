// Small enhancements only: every page works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // After a failed submission, start keyboard and screen-reader users at the error summary.
  const summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
});

// A region with data-poll="url" shows the progress of background work: every 2 seconds it
// is replaced by the page fragment at that url, until the fragment says it is done
// (data-poll-done). No page refresh (JIS X 8341-3 / WCAG 2.2.1); without JavaScript the page
// offers a link to look again.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-poll]").forEach((region) => {
    const poll = async () => {
      try {
        const response = await fetch(region.dataset.poll, { credentials: "same-origin" });
        if (response.ok) region.innerHTML = await response.text();
      } catch (error) {
        // The network hiccuped: try again at the next tick.
      }
      if (!region.querySelector("[data-poll-done]")) setTimeout(poll, 2000);
    };
    if (!region.querySelector("[data-poll-done]")) setTimeout(poll, 2000);
  });
});
