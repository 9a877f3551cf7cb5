import { describe, expect, it } from "vitest";
import { redactHeaders } from "@/lib/delivery/redact-headers";

describe("headers recorded on an attempt", () => {
  it("redacts credentials by the header's name and by the value's shape", () => {
    const recorded = redactHeaders({
      Authorization: "anything",
      "X-Api-Key": "short",
      "X-Auth": "Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc",
      "X-Partner": "Basic dXNlcjpwYXNz",
      "X-Client": "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
      "X-Hex": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      "X-Jwt": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    });
    expect(Object.values(recorded).every((v) => v === "[redacted]")).toBe(true);
  });

  it("keeps what is not secret: ordinary values and Hookline's own headers", () => {
    const headers = {
      "content-type": "application/json",
      "user-agent": "Hookline/0.1.0 (+https://github.com/hookline/hookline)",
      "webhook-id": "msg_0356gpPEtcCTdhgdYAIdyg",
      "webhook-timestamp": "1796061171",
      "webhook-signature": "v1,z+1FfXYpCkEZGb3O37XQBbGR69kIgNmYSiQgzumvafk=",
      "X-Team": "blue",
      "X-Region": "eu-west-1",
      "X-Tenant-Name": "Acme Corporation International",
      "X-Version": "2026-11-30",
    };
    expect(redactHeaders(headers)).toEqual(headers);
  });
});
