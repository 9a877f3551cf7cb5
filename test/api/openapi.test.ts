import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument, operations } from "@/lib/openapi/document";

const root = path.resolve(import.meta.dirname, "../..");

function routeOperations(dir = path.join(root, "app/api/v1"), prefix = "/api/v1"): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("[...")) continue;
      const segment = entry.name.replace(/^\[(\w+)\]$/, "{$1}");
      found.push(...routeOperations(path.join(dir, entry.name), `${prefix}/${segment}`));
    } else if (entry.name === "route.ts" && !prefix.endsWith("openapi.json")) {
      const source = fs.readFileSync(path.join(dir, entry.name), "utf8");
      for (const m of source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g))
        found.push(`${m[1]!.toLowerCase()} ${prefix}`);
    }
  }
  return found;
}

describe("the OpenAPI document", () => {
  it("documents every REST API v1 route handler, and nothing that does not exist", () => {
    const documented = operations.map((o) => `${o.method} ${o.path}`).sort();
    expect(documented).toEqual(routeOperations().sort());
  });

  it("is OpenAPI 3.1 with request schemas generated from zod", () => {
    const doc = openApiDocument("http://localhost:3000");
    expect(doc.openapi).toBe("3.1.0");
    const create = doc.paths["/api/v1/app"]!.post as {
      requestBody: {
        content: {
          "application/json": { schema: { properties: Record<string, unknown>; required: string[] } };
        };
      };
    };
    const schema = create.requestBody.content["application/json"].schema;
    expect(schema.required).toContain("name");
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["name", "uid", "metadata", "throttleRate"]),
    );
  });
});
