// Choosing a partner in the campaign editor fills that row's empty consent label
// with the default (the form saves the same text if the label stays empty); a
// label still as filled follows a change of partner, one the organizer wrote stays.
(() => {
  "use strict";
  const pattern = () =>
    document.querySelector("[data-undersign-consent-default]")?.dataset
      .undersignConsentDefault;
  document.addEventListener("change", (event) => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement)) return;
    const match = /^(campaign_partners-\d+-)partner$/.exec(select.name);
    const text = pattern();
    if (!match || !text || !select.value) return;
    const label = select.form?.elements.namedItem(`${match[1]}consent_label`);
    if (!(label instanceof HTMLInputElement)) return;
    const written = label.value.trim() && label.value !== label.dataset.undersignFilled;
    if (written) return;
    const name = select.selectedOptions[0]?.textContent.trim() ?? "";
    label.value = label.dataset.undersignFilled = text.replace("%(partner)s", name);
    label.dispatchEvent(new Event("input", { bubbles: true }));
  });
})();
