// Small enhancements only: every page works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // After a failed submission, start keyboard and screen-reader users at the error summary.
  const summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
});
