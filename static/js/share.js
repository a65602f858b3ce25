// Progressive enhancement: the copy-link button appears only where the
// clipboard is available; the plain share links work without any script.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) return;
  document.querySelectorAll("[data-copy-url]").forEach(function (button) {
    var item = button.closest(".share__copy");
    var status = item.querySelector(".share__status");
    item.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.copyUrl).then(
        function () { status.textContent = "Link copied"; },
        function () { status.textContent = "Could not copy the link; copy it from the address bar."; }
      );
    });
  });
})();
