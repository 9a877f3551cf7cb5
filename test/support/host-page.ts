import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A "tenant product" page on its own loopback origin: it loads widget.js from the app and mounts
 * the widget URL given as ?url=, listing the events the widget forwards (#events).
 */
export async function startHostPage(appUrl: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const widgetUrl = new URL(req.url ?? "/", "http://host").searchParams.get("url") ?? "";
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html>
<html><head><title>Tenant product</title></head>
<body>
  <h1>Tenant product</h1>
  <div id="webhooks"></div>
  <ul id="events"></ul>
  <footer style="height: 2000px">The rest of the product page</footer>
  <script src="${appUrl}/widget.js"></script>
  <script>
    Hookline.mount(document.getElementById("webhooks"), {
      url: ${JSON.stringify(widgetUrl)},
      theme: { primaryColor: "#be123c", mode: "dark" },
      onEvent: function (name, data) {
        var li = document.createElement("li");
        li.textContent = name + " " + data.id;
        document.getElementById("events").appendChild(li);
      },
    });
  </script>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
