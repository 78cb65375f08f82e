// The Embed tab's copy buttons: the Clipboard API where the browser allows it,
// otherwise the snippet is selected in its readonly textarea for the keyboard.
(() => {
  "use strict";
  if (window.undersignCopyReady) return; // the editor may include the script twice
  window.undersignCopyReady = true;

  const RESET_MS = 4000;

  async function copy(button) {
    const field = document.getElementById(button.dataset.undersignCopy);
    const status = document.getElementById(`${button.dataset.undersignCopy}-status`);
    if (!field || !status) return;
    field.focus();
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = button.dataset.copied;
      button.classList.add("undersign-copied");
    } catch (error) {
      console.warn("[undersign] clipboard not available; the snippet is selected", error);
      status.textContent = button.dataset.fallback;
    }
    window.setTimeout(() => {
      status.textContent = "";
      button.classList.remove("undersign-copied");
    }, RESET_MS);
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-undersign-copy]");
    if (button) copy(button);
  });
})();
