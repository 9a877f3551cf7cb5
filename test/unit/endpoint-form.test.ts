import { describe, expect, it } from "vitest";
import { endpointFormValues, HIDDEN, parseEndpointForm } from "@/lib/endpoints/endpoint-form";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) data.append(k, value);
  return data;
}

describe("the endpoint form", () => {
  it("reads headers line by line, channels by commas or spaces, timeout in seconds and an empty rate limit as none", () => {
    const parsed = parseEndpointForm(
      form({
        url: "https://example.com/hook",
        eventTypes: ["a.b", "c.d"],
        channels: "eu, us  vip",
        headers: "X-Team: blue\n\nAuthorization: Bearer abc:def",
        timeout: "5",
        throttleRate: "",
      }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.input).toMatchObject({
      url: "https://example.com/hook",
      eventTypes: ["a.b", "c.d"],
      channels: ["eu", "us", "vip"],
      headers: { "X-Team": "blue", Authorization: "Bearer abc:def" },
      timeout: 5,
      throttleRate: null,
    });
  });

  it("refuses a header value HTTP cannot carry, naming the header (the portal and the widget)", () => {
    const parsed = parseEndpointForm(form({ url: "https://example.com/hook", headers: "X-Price: 5€" }));
    expect(!parsed.ok && parsed.fieldErrors.headers).toBe(
      "The value of header 'X-Price' may only contain printable ASCII characters, spaces and tabs",
    );
  });

  it("keeps a hidden sensitive value as stored and never shows it", () => {
    const values = endpointFormValues({
      url: "https://example.com",
      description: "",
      eventTypes: [],
      channels: [],
      headers: { Authorization: "Bearer s3cret", "X-Team": "blue" },
      timeoutMs: 15000,
      throttleRate: null,
    });
    expect(values.headers).not.toContain("s3cret");
    expect(values.headers).toContain(`Authorization: ${HIDDEN}`);
    const parsed = parseEndpointForm(form({ url: "https://example.com", headers: values.headers! }), {
      Authorization: "Bearer s3cret",
    });
    expect(parsed.ok && parsed.input.headers).toEqual({ Authorization: "Bearer s3cret", "X-Team": "blue" });
  });

  it("does not carry a hidden value to a new URL: it must be typed again", () => {
    const current = { Authorization: "Bearer s3cret", "X-Team": "blue" };
    const headers = `Authorization: ${HIDDEN}\nX-Team: blue`;
    const same = parseEndpointForm(
      form({ url: "https://example.com", headers }),
      current,
      "https://example.com",
    );
    expect(same.ok && same.input.headers).toEqual(current);
    const moved = parseEndpointForm(
      form({ url: "https://elsewhere.example", headers }),
      current,
      "https://example.com",
    );
    expect(moved).toMatchObject({
      ok: false,
      fieldErrors: { headers: expect.stringContaining("Type the value of Authorization again") },
    });
    const retyped = parseEndpointForm(
      form({ url: "https://elsewhere.example", headers: "Authorization: Bearer n3w\nX-Team: blue" }),
      current,
      "https://example.com",
    );
    expect(retyped.ok && retyped.input.headers).toEqual({ Authorization: "Bearer n3w", "X-Team": "blue" });
  });

  it("names the field and the line for each problem, and returns what was typed", () => {
    const parsed = parseEndpointForm(
      form({
        url: "ftp://x",
        headers: "no colon",
        timeout: "99",
        throttleRate: "0",
        channels: "bad channel!",
      }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fieldErrors.headers).toBe('Line 1: write "Name: value"');
    expect(Object.keys(parsed.fieldErrors).sort()).toEqual([
      "channels",
      "headers",
      "throttleRate",
      "timeout",
      "url",
    ]);
    expect(parsed.values).toMatchObject({ url: "ftp://x", headers: "no colon", timeout: "99" });
  });

  it("refuses headers Hookline sets itself", () => {
    const parsed = parseEndpointForm(form({ url: "https://example.com", headers: "webhook-id: forged" }));
    expect(!parsed.ok && parsed.fieldErrors.headers).toMatch(/reserved/);
  });
});
