import { describe, expect, it } from "vitest";
import { attemptInPlainWords } from "@/lib/attempts/plain-words";

const failed = (errorKind: string, responseStatusCode = 0, durationMs = 120) => ({
  outcome: "failure" as const,
  responseStatusCode,
  durationMs,
  errorKind,
});

describe("attempts in plain words", () => {
  it("says what happened the way a receiver's developer would", () => {
    expect(
      attemptInPlainWords({ outcome: "success", responseStatusCode: 204, durationMs: 35, errorKind: null }),
    ).toBe("Delivered: HTTP 204 from your server after 35 ms");
    expect(attemptInPlainWords(failed("http_status", 500))).toBe("HTTP 500 from your server after 120 ms");
    expect(attemptInPlainWords(failed("connection"))).toBe(
      "Your server refused the connection (or closed it before answering)",
    );
    expect(attemptInPlainWords(failed("ssrf_blocked"))).toBe("Blocked: private or reserved address");
    expect(attemptInPlainWords(failed("timeout", 0, 15_000))).toBe(
      "Your server did not answer in time (15 s)",
    );
    expect(attemptInPlainWords(failed("dns"))).toBe("The endpoint's host name does not resolve");
    expect(attemptInPlainWords(failed("something_new", 418))).toBe("HTTP 418 from your server after 120 ms");
  });
});
