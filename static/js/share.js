// Progressive enhancement: the device's own share sheet (Web Share API) and
// the copy-link button appear only where the browser offers them; the plain
// share links work without any script.
(function () {
  "use strict";
  if (navigator.share) {
    document.querySelectorAll("[data-share-url]").forEach(function (button) {
      button.closest(".share__native").hidden = false;
      button.addEventListener("click", function () {
        navigator
          .share({ title: button.dataset.shareTitle, url: button.dataset.shareUrl })
          // Closing the share sheet rejects the promise; that is not an error.
          .catch(function () {});
      });
    });
  }
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
