/*
 * Hookline endpoint widget. Embed it in your product:
 *
 *   <div id="webhooks"></div>
 *   <script src="https://YOUR-HOOKLINE/widget.js"></script>
 *   <script>Hookline.mount(document.getElementById("webhooks"), { url: urlFromYourBackend });</script>
 *
 * `url` comes from POST /api/v1/auth/app-portal-access/{app_id}, called by your backend.
 * Options: theme { primaryColor: "#4f46e5", mode: "light" | "dark" | "system", fontFamily, logoUrl }
 * overrides your tenant's widget theme for this mount; onEvent(name, data) hears
 * endpoint.created / endpoint.updated / endpoint.deleted / endpoint.enabled / endpoint.disabled,
 * which are also dispatched on the element as "hookline:<name>" CustomEvents. After such a change
 * the widget asks to be scrolled into view (its top, where the confirmation shows, `scrollMargin`
 * pixels below the top of the window, default 16: raise it under a fixed header); set
 * `autoScroll: false` to keep the page where it is.
 */
(() => {
  function mount(element, options) {
    if (!element || !options?.url)
      throw new Error("Hookline.mount(element, { url }) needs an element and a url");
    var url = new URL(options.url, window.location.href);
    if (options.theme) url.hash = `theme=${encodeURIComponent(JSON.stringify(options.theme))}`;
    var iframe = document.createElement("iframe");
    iframe.src = url.toString();
    iframe.title = options.title || "Webhook settings";
    iframe.style.width = "100%";
    iframe.style.border = "0";
    iframe.style.display = "block";
    iframe.style.height = `${options.initialHeight || 480}px`;
    iframe.setAttribute("referrerpolicy", "no-referrer");

    function onMessage(event) {
      if (event.source !== iframe.contentWindow || event.origin !== url.origin) return;
      var data = event.data;
      if (data?.source !== "hookline") return;
      if (data.type === "resize" && typeof data.height === "number") {
        iframe.style.height = `${Math.max(120, Math.ceil(data.height))}px`;
      } else if (data.type === "scroll" && typeof data.top === "number" && options.autoScroll !== false) {
        const margin = typeof options.scrollMargin === "number" ? options.scrollMargin : 16;
        const target = iframe.getBoundingClientRect().top + Math.max(0, data.top) - margin;
        // Only when that point is out of view: a widget already in sight stays still.
        if (target < 0 || target > window.innerHeight * 0.5)
          window.scrollTo({ top: window.scrollY + target, behavior: "smooth" });
      } else if (data.type === "event" && typeof data.event === "string") {
        element.dispatchEvent(
          new CustomEvent(`hookline:${data.event}`, { detail: data.data, bubbles: true }),
        );
        if (typeof options.onEvent === "function") options.onEvent(data.event, data.data);
      }
    }

    window.addEventListener("message", onMessage);
    element.appendChild(iframe);
    return {
      iframe: iframe,
      unmount: () => {
        window.removeEventListener("message", onMessage);
        iframe.remove();
      },
    };
  }

  window.Hookline = { mount: mount };
})();
