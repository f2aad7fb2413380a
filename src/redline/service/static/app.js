// Keyboard shortcuts for the review queue (no inline script: the page's CSP allows only this file).
(function () {
  "use strict";
  function typing(el) {
    return el && (el.tagName === "TEXTAREA" || el.tagName === "INPUT" || el.tagName === "SELECT" || el.isContentEditable);
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var form = document.getElementById("decide");
    if (ev.key === "Escape" && typing(document.activeElement)) { document.activeElement.blur(); return; }
    if (typing(document.activeElement)) { return; }
    if (ev.key === "j" || ev.key === "k") {
      var links = Array.prototype.slice.call(document.querySelectorAll(".queue li a"));
      var cur = Array.prototype.findIndex.call(document.querySelectorAll(".queue li"), function (li) { return li.classList.contains("current"); });
      var next = links[cur + (ev.key === "j" ? 1 : -1)];
      if (next) { window.location.assign(next.getAttribute("href")); }
      return;
    }
    if (!form) { return; }
    var button = form.querySelector('button[data-key="' + ev.key.replace(/[^a-z]/g, "") + '"]');
    if (!button) { return; }
    ev.preventDefault();
    var reason = document.getElementById("reason");
    if (reason && !reason.value.trim()) {
      reason.placeholder = "Give a reason, then press Esc and " + ev.key + " again.";
      reason.focus();
      return;
    }
    button.click();
  });
})();
