// Small enhancements only: every page works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // After a failed submission, start keyboard and screen-reader users at the error summary.
  const summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
});

// The main menu folds behind a button on narrow screens (CSS decides when the button shows).
document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.querySelector(".site-nav__toggle");
  if (!toggle) return;
  const nav = toggle.closest(".site-nav");
  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("site-nav--open", open);
  });
});

// A table too wide for the screen scrolls inside its region: make that region reachable and
// named for keyboard and screen-reader users (WCAG 2.1.1), where the template did not.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".table-wrap").forEach((wrap) => {
    if (wrap.scrollWidth <= wrap.clientWidth || wrap.hasAttribute("tabindex")) return;
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    const caption = wrap.querySelector("caption");
    if (caption && !wrap.hasAttribute("aria-label")) {
      wrap.setAttribute("aria-label", caption.textContent.trim());
    }
  });
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
