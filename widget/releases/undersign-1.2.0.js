/*! Undersign widget: <undersign-petition>. No dependencies, no cookies, no storage. */
(() => {
  "use strict";
  const TAG = "undersign-petition";
  if (window.customElements.get(TAG)) return; // loaded twice: the first copy serves

  const LOG = "[undersign]";
  // This file's own URL is the one thing it knows: the server's answer, found
  // next to it, gives every other URL, so the site may serve it under any prefix.
  const script = document.currentScript;
  const HERE = script ? script.src : "";
  const SOURCE_KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"];
  const LANGS = ["en", "es", "zh-hans", "zh-hant", "ru", "bn", "ht", "ko", "ar", "ur", "fr", "pl"];
  const THEME = {
    color: [/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i, "--us-primary"],
    radius: [/^\d{1,2}(?:\.\d{1,2})?(?:px|rem|em)?$/, "--us-radius"],
    font: [/^[\w\s,'"-]{1,120}$/u, "--us-font"],
  };

  /** Return the first supported language among `wanted`, else "". */
  const pickLang = (...wanted) => {
    for (const raw of wanted) {
      const code = String(raw || "").toLowerCase().replace("_", "-");
      if (!code) continue;
      if (/^zh-(hant|tw|hk|mo)/.test(code)) return "zh-hant";
      if (code.startsWith("zh")) return "zh-hans";
      if (LANGS.includes(code)) return code;
      const base = code.split("-")[0];
      if (LANGS.includes(base)) return base;
    }
    return "";
  };

  /** Return "#000" or "#fff", whichever reads better on the hex colour `hex`. */
  const onColor = (hex) => {
    let h = hex.slice(1);
    if (h.length === 3) h = h.replace(/./g, "$&$&");
    const lin = (i) => {
      const c = parseInt(h.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const l = 0.2126 * lin(0) + 0.7152 * lin(2) + 0.0722 * lin(4);
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000" : "#fff";
  };

  /** Set the validated theme values from `get(name)` as custom properties on `el`. */
  const applyTheme = (el, get) => {
    for (const [name, [pattern, prop]] of Object.entries(THEME)) {
      const value = get(name);
      if (!value) continue;
      if (!pattern.test(value)) {
        console.warn(LOG, `ignoring invalid ${name} attribute`);
        continue;
      }
      el.style.setProperty(prop, value);
      if (name === "color") el.style.setProperty("--us-on-primary", onColor(value));
    }
  };

  /** Return the host page's campaign tags and origin, the signature's source. */
  const hostSource = () => {
    const params = new URLSearchParams(location.search);
    const source = {};
    for (const key of SOURCE_KEYS) if (params.get(key)) source[key] = params.get(key).slice(0, 200);
    if (/^https?:$/.test(location.protocol)) source.referrer = location.origin;
    return source;
  };

  const el = (doc, tag, attrs = {}, text = "") => {
    const node = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text) node.textContent = text;
    return node;
  };

  /** Return the server's answer for one campaign: may this page show it, and where. */
  const setups = new Map();
  const setup = (campaign, partner, lang) => {
    const url = new URL(`campaigns/${encodeURIComponent(campaign)}/`, HERE);
    url.search = new URLSearchParams({ partner, lang });
    if (!setups.has(url.href)) {
      setups.set(url.href, fetch(url, { credentials: "omit" }).then(async (res) => {
        const data = await res.json().catch(() => ({}));
        if (!res.ok) throw new Error(data.detail || `status ${res.status}`);
        return data;
      }));
    }
    return setups.get(url.href);
  };

  /** Load the form's enhancer (inline mode) once; resolve to its `enhance`. */
  let enhancer = null;
  const loadEnhancer = (src) => {
    enhancer = enhancer || new Promise((resolve, reject) => {
      const tag = el(document, "script", { src, async: "" });
      tag.addEventListener("load", () => {
        if (UndersignPetition.enhance) resolve(UndersignPetition.enhance);
        else reject(new Error(`${src} did not load the form`));
      });
      tag.addEventListener("error", () => reject(new Error(`could not load ${src}`)));
      document.head.append(tag);
    });
    return enhancer;
  };

  /** Return the snippet's own <noscript> link as [href, text], if it has one. */
  const noscriptLink = (host) => {
    const noscript = host.querySelector("noscript");
    if (!noscript) return null;
    // Parsed inert (no scripts run); only its address and words are used.
    const doc = new DOMParser().parseFromString(noscript.textContent, "text/html");
    const link = doc.querySelector("a[href]");
    return link && /^https?:/.test(link.href) ? [link.href, link.textContent.trim()] : null;
  };

  const SHADOW_CSS = `:host{display:block!important;visibility:visible!important;opacity:1!important;
width:auto!important;max-width:100%!important;min-height:120px!important;position:static!important;
margin:0 0 1em!important;padding:0!important;contain:content}
iframe{display:block!important;width:100%!important;border:0!important;min-height:200px;
visibility:visible!important;opacity:1!important}
.us-fallback{font:inherit;margin:0;padding:1em;border:2px solid;border-radius:8px}
.us-fallback a{display:inline-block;margin-block-start:.5em;color:inherit;font-weight:700}`;

  // A constructed stylesheet is not inline style to the host page's CSP, so a
  // partner with a strict style-src still gets the frame laid out.
  function adoptStyles(root) {
    if ("adoptedStyleSheets" in root && "replaceSync" in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(SHADOW_CSS);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.append(el(document, "style", {}, SHADOW_CSS));
    }
  }

  class UndersignPetition extends HTMLElement {
    async connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: "open" });
      adoptStyles(root);
      const campaign = (this.getAttribute("campaign") || "").trim();
      if (!campaign) {
        console.error(LOG, "the campaign attribute is missing");
        return;
      }
      if (!HERE) {
        console.error(LOG, "load undersign.js with <script src>: it finds the server from its own URL");
        this.fallback(root);
        return;
      }
      const lang = pickLang(
        this.getAttribute("lang"),
        document.documentElement.lang,
        ...(navigator.languages || [navigator.language]),
      );
      let answer;
      try {
        answer = await setup(campaign, (this.getAttribute("partner") || "").trim(), lang);
      } catch (error) {
        console.error(LOG, "could not load the petition:", error.message);
        this.fallback(root);
        return;
      }
      if (!answer.allowed) {
        console.error(
          LOG,
          `this site (${answer.origin}) may not show the petition "${campaign}": `
            + `the organizer must add ${answer.origin} to the allowed origins of one of `
            + "the campaign's partners, or open the campaign to every site.",
        );
        this.fallback(root, answer);
      } else if (this.getAttribute("mode") === "inline") {
        this.mountInline(root, answer);
      } else {
        this.mountFrame(root, answer);
      }
    }

    /** Show a link to sign elsewhere: the server's (in the signer's language), else the snippet's. */
    fallback(root, answer = null) {
      const link = answer ? [answer.link, answer.link_text] : noscriptLink(this);
      if (!link) return;
      const box = el(document, "p", { class: "us-fallback", role: "note" });
      if (answer) {
        box.lang = answer.language;
        box.dir = answer.dir;
      }
      if (answer && answer.message) box.append(el(document, "span", {}, answer.message), " ");
      box.append(el(document, "a", { href: link[0], target: "_blank", rel: "noopener" }, link[1]));
      root.append(box);
    }

    mountFrame(root, answer) {
      const url = new URL(answer.frame);
      for (const [name, value] of Object.entries(hostSource())) {
        if (name !== "referrer") url.searchParams.set(name, value);
      }
      url.searchParams.set("ref", location.origin);
      for (const name of ["color", "radius"]) {
        const value = this.getAttribute(name);
        if (value) url.searchParams.set(name, value);
      }
      const title = this.getAttribute("title") || answer.title;
      const frame = el(document, "iframe", { src: url.href, title });
      frame.style.height = "640px";
      root.append(frame);
      window.addEventListener("message", (event) => {
        if (event.origin !== url.origin || event.source !== frame.contentWindow) return;
        const data = event.data;
        if (!data || data.undersign !== "height" || !Number.isFinite(data.height)) return;
        frame.style.height = `${Math.min(Math.max(data.height, 200), 10000)}px`;
      });
    }

    async mountInline(root, answer) {
      applyTheme(this, (name) => this.getAttribute(name));
      let data;
      let enhance;
      try {
        [data, enhance] = await Promise.all([
          fetch(answer.fragment, { credentials: "omit" }).then((res) => {
            if (!res.ok) throw new Error(`status ${res.status}`);
            return res.json();
          }),
          loadEnhancer(answer.enhancer),
        ]);
      } catch (error) {
        console.error(LOG, "could not load the petition:", error.message);
        this.fallback(root, answer);
        return;
      }
      const sheet = el(document, "link", { rel: "stylesheet", href: data.stylesheet });
      const holder = el(document, "div", { lang: data.language, dir: data.dir });
      // Rendered and sanitized by our server; nothing from the host page goes in.
      holder.innerHTML = data.html;
      root.append(sheet, holder);
      const panel = holder.querySelector("[data-undersign-panel]");
      if (panel) enhance(panel, { source: hostSource() });
    }
  }

  UndersignPetition.enhance = null; // set by form.js when it loads
  window.customElements.define(TAG, UndersignPetition);
})();
