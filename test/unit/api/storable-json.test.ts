import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, storableJsonProblem } from "@/lib/api/storable-json";

describe("JSON that PostgreSQL can store", () => {
  it("accepts ordinary JSON, emoji and escaped text that only looks like an escape", () => {
    expect(storableJsonProblem({ a: [1, "x", { b: null, "😀": "ok \\u0000 is text" }] })).toBeNull();
  });

  it("refuses U+0000 in a value and names where it is", () => {
    expect(storableJsonProblem(JSON.parse('{"customer":{"name":"a\\u0000b"}}'))).toEqual({
      loc: ["body", "customer", "name"],
      msg: "must not contain the NUL character (\\u0000)",
      type: "value_error.unstorable_string",
    });
  });

  it("refuses a lone surrogate, in keys as in values", () => {
    expect(storableJsonProblem(JSON.parse('{"items":["\\ud800"]}'))?.loc).toEqual(["body", "items", "0"]);
    expect(storableJsonProblem(JSON.parse('{"\\udc00":1}'))?.msg).toBe(
      "Key must be valid Unicode (it contains a lone surrogate)",
    );
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels without overflowing the stack`, () => {
    const deep = JSON.parse(`${"[".repeat(150_000)}${"]".repeat(150_000)}`);
    expect(storableJsonProblem(deep)?.type).toBe("value_error.too_deep");
    const justFits = JSON.parse(`${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`);
    expect(storableJsonProblem(justFits)).toBeNull();
  });
});
