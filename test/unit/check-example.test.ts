import { describe, expect, it } from "vitest";
import { checkExample } from "@/lib/event-types/check-example";

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
});
