import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";
import svix from "@/lib/openapi/svix-operations.json";

// Walks Svix's public operations for the tags a webhook sender uses (lib/openapi/svix-operations.json,
// extracted from Svix's own OpenAPI document) against ours. An operation we lack must be listed
// here with the issue that will add it; one listed here that we now have fails the test too, so
// the list only ever tells the truth.
const NOT_YET: Record<string, string> = {};

const doc = openApiDocument("http://127.0.0.1") as {
  paths: Record<string, Record<string, { operationId: string; tags: string[] }>>;
};
const ours = (o: { method: string; path: string }) => doc.paths[o.path]?.[o.method];

describe("Svix's public operations in our OpenAPI document", () => {
  it("covers all 73, except those listed with the issue that adds them", () => {
    expect(svix.operations).toHaveLength(73);
    const missing = svix.operations.filter((o) => !ours(o)).map((o) => `${o.method} ${o.path}`);
    expect(missing.sort()).toEqual(Object.keys(NOT_YET).sort());
  });

  it("gives the shared ones Svix's operation ids and tags", () => {
    for (const o of svix.operations.filter((o) => ours(o)))
      expect(ours(o), `${o.method} ${o.path}`).toMatchObject({ operationId: o.operationId, tags: [o.tag] });
  });

  it("gives every operation a unique id", () => {
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
