/*! Undersign widget form: the server-rendered sign form, signing without a reload.
   Loaded by the iframe page, and by undersign.js for inline mode. No dependencies. */
(() => {
  "use strict";
  const TAG = "undersign-petition";
  const LOG = "[undersign]";
  const FIELDS = [
    "email", "first_name", "last_name", "postal_code",
    "phone", "address", "country", "comment",
  ];
  const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  // Well inside the form token's lifetime, so a form left open for hours still signs.
  const TOKEN_RENEW_MS = 6 * 60 * 60 * 1000;

  /** Return a random hex id; crypto.randomUUID is missing on plain-http hosts. */
  const newKey = () => {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  };

  const el = (doc, tag, attrs = {}, text = "") => {
    const node = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text) node.textContent = text;
    return node;
  };

  /** Make the server-rendered panel sign without a reload; shared by both modes. */
  function enhance(panel, { source = {}, resized = () => {} } = {}) {
    const form = panel.querySelector("form.us-form");
    if (!form) return;
    const doc = panel.ownerDocument;
    const msg = panel.dataset;
    const status = panel.querySelector("[data-us-status]");
    const button = form.querySelector('[type="submit"]');
    let busy = false;
    let lastBody = "";
    let key = "";
    // When the form was shown, signed by the server; the inline fragment is cached
    // for everyone, so there the token is fetched as the form appears.
    const tokenInput = form.querySelector('input[name="form_token"]');
    let token = tokenInput ? tokenInput.value : "";
    // A signer quicker than the token's fetch waits for it: without a token the
    // signing is held back as a bot's.
    let tokenReady = Promise.resolve();
    const renewToken = () => {
      tokenReady = (async () => {
        try {
          const res = await fetch(msg.tokenUrl, { credentials: "omit" });
          if (!res.ok) throw new Error(`status ${res.status}`);
          token = (await res.json()).form_token || token;
        } catch (error) {
          console.warn(LOG, "could not get a form token:", error.message);
        }
      })();
    };
    if (!token) renewToken();
    setInterval(renewToken, TOKEN_RENEW_MS);

    const say = (text, isError = false) => {
      if (!status) return;
      status.textContent = text;
      status.classList.toggle("us-status-error", isError);
    };

    const group = (name) => {
      const found = form.elements.namedItem(name);
      if (!found) return [];
      return found instanceof Element ? [found] : Array.from(found);
    };

    const labelOf = (field) => {
      const set = field.closest("fieldset");
      const label = set && field.type !== "text" && field.type !== "email"
        ? set.querySelector("legend")
        : form.querySelector(`label[for="${field.id}"]`);
      return label ? label.textContent.trim() : "";
    };

    const clearError = (name) => {
      const fields = group(name);
      if (!fields.length) return;
      const id = `${fields[0].id.replace(/_0$/, "")}_error`;
      const old = form.querySelector(`[id="${id}"]`);
      if (old) old.remove();
      for (const f of [...fields, fields[0].closest("fieldset")]) {
        if (!f) continue;
        f.removeAttribute("aria-invalid");
        const ids = (f.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== id);
        if (ids.length) f.setAttribute("aria-describedby", ids.join(" "));
        else f.removeAttribute("aria-describedby");
      }
    };

    /** Show `messages` beside the field `name`; return the field, or null if none. */
    const showError = (name, messages) => {
      const fields = group(name);
      if (!fields.length) return null;
      clearError(name);
      const first = fields[0];
      const id = `${first.id.replace(/_0$/, "")}_error`;
      const p = el(doc, "p", { class: "us-error", id });
      for (const text of messages) p.append(el(doc, "span", {}, text));
      const anchor = first.closest(".us-check") || first;
      anchor.parentNode.insertBefore(p, anchor);
      const described = first.closest("fieldset") && fields.length > 1
        ? [first.closest("fieldset")]
        : fields;
      for (const f of described) {
        f.setAttribute("aria-describedby", `${f.getAttribute("aria-describedby") || ""} ${id}`.trim());
      }
      for (const f of fields) f.setAttribute("aria-invalid", "true");
      return first;
    };

    const showErrors = (errors) => {
      const old = form.querySelector(".us-error-summary");
      if (old) old.remove();
      const box = el(doc, "div", { class: "us-error-summary", role: "alert", tabindex: "-1" });
      box.append(el(doc, "h3", {}, msg.msgSummary || ""));
      const list = el(doc, "ul");
      let firstField = null;
      for (const [rawName, messages] of Object.entries(errors)) {
        const name = rawName.startsWith("answers.") ? `q_${rawName.slice(8)}` : rawName;
        const field = showError(name, messages);
        firstField = firstField || field;
        for (const text of messages) {
          const item = el(doc, "li");
          if (field) {
            const label = labelOf(field);
            item.append(el(doc, "a", { href: `#${field.id}` }, label ? `${label}: ${text}` : text));
          } else {
            item.textContent = text;
          }
          list.append(item);
        }
      }
      box.append(list);
      form.prepend(box);
      (firstField || box).focus();
      resized();
    };

    /** Return this field's error message from the browser side, or "". */
    const check = (field) => {
      if (field.disabled || !field.name || field.type === "hidden") return "";
      if (field.type === "radio") {
        const set = group(field.name);
        return set.some((r) => r.required) && !set.some((r) => r.checked) ? msg.msgRequired : "";
      }
      if (field.type === "checkbox") return field.required && !field.checked ? msg.msgRequired : "";
      const value = field.value.trim();
      if (field.required && !value) return msg.msgRequired;
      if (field.type === "email" && value && !EMAIL.test(value)) return msg.msgEmail;
      return "";
    };

    const localErrors = () => {
      const errors = {};
      for (const field of form.elements) {
        const problem = check(field);
        if (problem && !errors[field.name]) errors[field.name] = [problem];
      }
      return errors;
    };

    const collect = () => {
      const body = { answers: {}, consents: [], source: {}, partner: msg.partner || "" };
      for (const field of form.elements) {
        const { name, type, value } = field;
        if (!name || field.disabled) continue;
        if (name === "consents") {
          if (field.checked) body.consents.push(value);
        } else if (name.startsWith("q_")) {
          const q = name.slice(2);
          if (type === "checkbox") body.answers[q] = field.checked;
          else if (type !== "radio") body.answers[q] = value;
          else if (field.checked || !(q in body.answers)) body.answers[q] = field.checked ? value : "";
        } else if (name.startsWith("utm_") || name === "referrer") {
          if (value) body.source[name] = value;
        } else if (name === "partner") {
          body.partner = value || body.partner;
        } else if (name === "website") {
          if (value) body.website = value; // the bot trap: people leave it empty
        } else if (FIELDS.includes(name)) {
          body[name] = value;
        }
      }
      Object.assign(body.source, source);
      body.language = msg.lang || "";
      if (token) body.form_token = token;
      return body;
    };

    const setBusy = (on) => {
      busy = on;
      if (button) button.setAttribute("aria-disabled", String(on));
      form.toggleAttribute("aria-busy", on);
    };

    const fail = (text) => {
      setBusy(false);
      say(text, true);
      if (button) button.focus();
      resized();
    };

    const succeed = (body, reply) => {
      const thanks = panel.querySelector("[data-us-thanks]");
      const title = thanks && thanks.querySelector("[data-us-thanks-title]");
      const name = (body.first_name || "").trim();
      if (title && name && thanks.dataset.titleNamed && !reply.confirmation_required) {
        title.textContent = thanks.dataset.titleNamed.replace("{name}", () => name);
      }
      if (!reply.confirmation_required) {
        const count = Number(msg.count || 0) + 1;
        const shown = panel.querySelector("[data-us-count]");
        if (shown) shown.textContent = new Intl.NumberFormat(msg.lang || undefined).format(count);
        const bar = panel.querySelector("[data-us-progress]");
        if (bar) bar.value = count;
      }
      form.hidden = true;
      say("");
      if (thanks) {
        thanks.hidden = false;
        (title || thanks).setAttribute("tabindex", "-1");
        (title || thanks).focus();
      }
      resized();
    };

    const submit = async () => {
      if (busy) return;
      const old = form.querySelector(".us-error-summary");
      if (old) old.remove();
      for (const name of new Set(Array.from(form.elements, (f) => f.name))) if (name) clearError(name);
      const errors = localErrors();
      if (Object.keys(errors).length) return showErrors(errors);
      if (!token) {
        setBusy(true);
        await tokenReady;
        setBusy(false);
      }
      const signing = collect();
      const body = JSON.stringify(signing);
      if (body !== lastBody) {
        // A retry of the same submission reuses its key, so the server stores it once.
        key = newKey();
        lastBody = body;
      }
      setBusy(true);
      say(msg.msgSending || "");
      let res;
      try {
        // The key rides in the body: a custom header would need every host's
        // CORS settings to allow it.
        res = await fetch(msg.signUrl, {
          method: "POST",
          mode: "cors",
          credentials: "omit",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ ...signing, idempotency_key: key }),
        });
      } catch (error) {
        console.warn(LOG, "could not reach the server:", error.name);
        return fail(msg.msgNetwork);
      }
      const reply = await res.json().catch((error) => {
        console.warn(LOG, "unreadable reply:", error.name);
        return {};
      });
      if (res.status === 202) return succeed(signing, reply);
      setBusy(false);
      if (res.status === 400 && reply.errors) {
        say("");
        return showErrors(reply.errors);
      }
      console.warn(LOG, "signing refused with status", res.status);
      return fail(res.status === 409 ? reply.detail || msg.msgClosed : msg.msgFailed);
    };

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submit();
    });
    form.addEventListener("focusout", (event) => {
      const field = event.target;
      const next = event.relatedTarget;
      if (!field.name || field.type === "radio") return;
      // On the way to the button nothing moves: an error added or removed above
      // it would slide it from under the pointer and eat the click. Submitting
      // checks every field anyway.
      if (next && next.form === form && next.type === "submit") return;
      const problem = check(field);
      if (!problem) clearError(field.name);
      // An empty field passed on the way is not an error yet; one already
      // reported keeps its message while the summary lists it.
      else if (next && next.form === form && (field.value || field.type === "checkbox")) {
        showError(field.name, [problem]);
      }
      resized();
    });
    for (const copy of panel.querySelectorAll("[data-copy]")) {
      copy.hidden = false;
      copy.addEventListener("click", () => {
        const input = panel.querySelector(`[id="${copy.dataset.copy}"]`);
        if (!input || !navigator.clipboard) return;
        navigator.clipboard.writeText(input.value).then(
          () => { copy.textContent = copy.dataset.copied || copy.textContent; },
          (error) => console.warn(LOG, "copy failed:", error.name),
        );
      });
    }
  }

  /** Inside our own iframe: enhance the page and report its height to the host. */
  function enhanceEmbedDocument() {
    const panel = document.querySelector("[data-undersign-panel]");
    if (!panel) return;
    // The theme is the server's (validated from the query): nothing to apply here.
    const params = new URLSearchParams(location.search);
    const ancestors = location.ancestorOrigins;
    const host = (ancestors && ancestors.length && ancestors[0]) || params.get("ref") || "";
    const resized = () => {
      if (window.parent === window || !/^https?:\/\//.test(host)) return;
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      window.parent.postMessage({ undersign: "height", height }, host);
    };
    enhance(panel, { resized });
    new ResizeObserver(resized).observe(document.documentElement);
  }

  if (document.documentElement.hasAttribute("data-undersign-embed")) {
    enhanceEmbedDocument();
  } else {
    // Inline: hand the enhancer to the element that loaded this file.
    const Element = window.customElements.get(TAG);
    if (Element) Element.enhance = enhance;
    else console.error(LOG, "form.js is loaded by undersign.js, not on its own");
  }
})();
