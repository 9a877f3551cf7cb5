import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendAttempt } from "@/lib/delivery/send-attempt";
import { startReceiver } from "../../support/receiver";

let sink: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  sink = await startReceiver();
});
afterAll(() => sink.close());

const request = (url: string) => ({
  url,
  headers: { "content-type": "application/json" },
  body: "{}",
  timeoutMs: 2000,
});

describe("sending an attempt through the guard", () => {
  it("never connects to a loopback sink when loopback is not allowed, and says why (not retried)", async () => {
    const result = await sendAttempt(request(sink.url), { allowCidrs: [], requireHttps: false });
    expect(result).toMatchObject({
      outcome: "failure",
      errorKind: "ssrf_blocked",
      permanent: true,
      status: 0,
    });
    expect(result.errorMessage).toContain("127.0.0.1");
    expect(sink.requests).toHaveLength(0);
  });

  it("connects to the address the guard checked, not to a fresh DNS answer", async () => {
    // rebind.invalid cannot resolve through real DNS; the request still reaches the sink because
    // the connection uses the address the (injected) resolver gave the guard.
    const url = sink.url.replace("127.0.0.1", "rebind.invalid");
    const result = await sendAttempt(request(url), {
      allowCidrs: ["127.0.0.0/8"],
      requireHttps: false,
      resolve: async () => ["127.0.0.1"],
    });
    expect(result.outcome).toBe("success");
    expect(sink.requests.at(-1)!.headers.host).toContain("rebind.invalid");
  });
});
