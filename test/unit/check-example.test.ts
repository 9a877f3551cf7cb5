import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { checkExample, EXAMPLE_MAX_BYTES } from "@/lib/event-types/check-example";

const schema = JSON.stringify({
  type: "object",
  required: ["amount"],
  properties: { amount: { type: "integer" } },
});

describe("event type schema and example from the portal", () => {
  it("stores the schema with the example when the example matches", () => {
    expect(checkExample(schema, '{"amount": 5}')).toEqual({
      schemas: {
        "1": {
          type: "object",
          required: ["amount"],
          properties: { amount: { type: "integer" } },
          examples: [{ amount: 5 }],
        },
      },
    });
  });

  it("refuses an example that does not match, saying why", () => {
    const result = checkExample(schema, '{"amount": "five"}');
    expect(result).toMatchObject({ errors: { example: expect.stringContaining("must be integer") } });
  });

  it("refuses invalid JSON and schemas that are not JSON Schema", () => {
    expect(checkExample("{nope", "")).toEqual({ errors: { schema: "Not valid JSON" } });
    expect(checkExample('{"type": 12}', "")).toMatchObject({
      errors: { schema: expect.stringContaining("Not a valid JSON Schema") },
    });
    expect(checkExample("", "[1,2]")).toEqual({ errors: { example: "Must be a JSON object" } });
  });

  it("allows neither, or an example alone", () => {
    expect(checkExample("", "")).toEqual({ schemas: null });
    expect(checkExample("", '{"a": 1}')).toEqual({ schemas: { "1": { examples: [{ a: 1 }] } } });
  });

  it("runs patterns in linear time: `^(a+)+$` against 30,000 a's and a b is a plain mismatch", () => {
    const redos = JSON.stringify({
      type: "object",
      properties: { s: { type: "string", pattern: "^(a+)+$" } },
    });
    const result = checkExample(redos, JSON.stringify({ s: `${"a".repeat(30_000)}b` }));
    expect(result).toMatchObject({ errors: { example: expect.stringContaining("must match pattern") } });
    expect(checkExample(redos, JSON.stringify({ s: "aaaa" }))).toHaveProperty("schemas");
    const keys = JSON.stringify({ type: "object", patternProperties: { "^(a|aa)+$": { type: "integer" } } });
    expect(checkExample(keys, JSON.stringify({ [`${"a".repeat(30_000)}!`]: "x" }))).toHaveProperty("schemas");
  });

  it("refuses patterns RE2 cannot run in linear time (backreferences, lookaround) as invalid schemas", () => {
    for (const pattern of ["(a)\\1", "a(?=b)"]) {
      expect(checkExample(JSON.stringify({ type: "string", pattern }), "")).toMatchObject({
        errors: { schema: expect.stringContaining("Not a valid JSON Schema") },
      });
    }
  });

  it("checks uniqueItems in one pass, with equal objects equal whatever their key order", () => {
    const unique = JSON.stringify({
      type: "object",
      properties: { list: { type: "array", uniqueItems: true } },
    });
    const many = Array.from({ length: 5000 }, (_, i) => ({ i }));
    expect(checkExample(unique, JSON.stringify({ list: many }))).toHaveProperty("schemas");
    expect(
      checkExample(
        unique,
        JSON.stringify({
          list: [...many, { a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 }],
        }),
      ),
    ).toMatchObject({ errors: { example: expect.stringContaining('must pass "uniqueItems"') } });
    expect(checkExample(unique, JSON.stringify({ list: [1, "1", [1], { 1: 1 }] }))).toHaveProperty("schemas");
  });

  it("bounds sizes and nesting", () => {
    const big = JSON.stringify({ list: Array.from({ length: 60_000 }, (_, i) => ({ i })) });
    expect(big.length).toBeGreaterThan(EXAMPLE_MAX_BYTES);
    expect(checkExample("", big)).toEqual({ errors: { example: "Too large: at most 64 KiB" } });
    const deep = `${'{"a":'.repeat(150)}1${"}".repeat(150)}`;
    expect(checkExample("", deep)).toMatchObject({
      errors: { example: expect.stringContaining("Nested deeper") },
    });
  });

  it("keeps tenants' schemas apart: the same $id twice is fine, and no schema can $ref another's", () => {
    const a = JSON.stringify({ $id: "https://example.com/order", type: "object" });
    expect(checkExample(a, "")).toHaveProperty("schemas");
    expect(checkExample(a, "")).toHaveProperty("schemas");
    expect(checkExample(JSON.stringify({ $ref: "https://example.com/order" }), "")).toMatchObject({
      errors: { schema: expect.stringContaining("Not a valid JSON Schema") },
    });
  });

  it("leaves the process free to answer: a health check answers within a second while hostile checks run", async () => {
    const server = http.createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const redos = JSON.stringify({
      type: "object",
      properties: { s: { type: "string", pattern: "^(a+)+$" } },
    });
    const unique = JSON.stringify({
      type: "object",
      properties: { l: { type: "array", uniqueItems: true } },
    });
    let running = true;
    const hostile = (async () => {
      while (running) {
        checkExample(redos, JSON.stringify({ s: `${"a".repeat(30_000)}b` }));
        checkExample(unique, JSON.stringify({ l: Array.from({ length: 5000 }, () => ({})) }));
        await new Promise((r) => setImmediate(r));
      }
    })();
    try {
      for (let i = 0; i < 3; i++) {
        const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
        expect(res.status).toBe(200);
      }
    } finally {
      running = false;
      await hostile;
      server.close();
    }
  });
});
