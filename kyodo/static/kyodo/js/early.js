// Loaded in <head> before the page is drawn (an external file: the CSP allows no inline
// script): marks that JavaScript runs, so that the phone menu starts folded, not flashing open.
document.documentElement.classList.add("js");
