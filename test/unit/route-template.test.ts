import { describe, expect, it } from "vitest";
import { routeTemplate } from "@/lib/metrics/route-template";

describe("metrics route labels", () => {
  it("name the route, never the ids or tokens in the path", () => {
    expect(routeTemplate("/api/v1/app/app_123/msg?with_content=false")).toBe("/api/v1/app/{app_id}/msg");
    expect(routeTemplate("/api/v1/inspector/insp_1/request")).toBe(
      "/api/v1/inspector/{inspector_id}/request",
    );
    expect(routeTemplate("/in/Xq3secretToken/deep/path")).toBe("/in/{token}");
    expect(routeTemplate("/relay/Xq3secretToken")).toBe("/relay/{token}");
    expect(routeTemplate("/embed/tok/endpoints/ep_1")).toBe("/embed/{token}/…");
    expect(routeTemplate("/inspector/insp_1")).toBe("/inspector/…");
    expect(routeTemplate("/dashboard")).toBe("/dashboard");
    expect(routeTemplate("/wp-admin/setup.php")).toBe("other");
    expect(routeTemplate("/api/v1/nope/1")).toBe("/api/other");
  });
});
