// Progressive enhancement for the thank-you state: a working "Copy link" button.
// Without JavaScript the link stays in a read-only field anyone can select.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field || !navigator.clipboard) return;
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(
        function () {
          button.textContent = button.getAttribute("data-copied");
          setTimeout(function () { button.textContent = label; }, 2000);
        },
        function (error) {
          console.warn("[undersign] copy failed; select the link instead", error);
          field.select();
        }
      );
    });
  });
})();
