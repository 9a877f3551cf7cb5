import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { curlCommand, shellQuote } from "@/lib/inspector/curl-command";

describe("copy as curl", () => {
  it("quotes anything for a POSIX shell", () => {
    for (const value of ["plain", "it's", `"$HOME" \`id\` $(id) \\ ; | &`, "line\nbreak", ""])
      expect(execFileSync("sh", ["-c", `printf %s ${shellQuote(value)}`], { encoding: "utf8" })).toBe(value);
  });

  it("keeps the request's headers and body, not the hop's", () => {
    const command = curlCommand(
      {
        method: "POST",
        headers: { host: "x", "content-length": "2", "webhook-id": "msg_1", "x-forwarded-for": "1.2.3.4" },
        body: `{"a":"it's"}`,
        bodyEncoding: "utf8",
      },
      "http://127.0.0.1:1/in/t",
    );
    expect(command).toBe(
      `curl -X POST 'http://127.0.0.1:1/in/t' \\\n  -H 'webhook-id: msg_1' \\\n  --data-binary '{"a":"it'\\''s"}'`,
    );
  });
});
