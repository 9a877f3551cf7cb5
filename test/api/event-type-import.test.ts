import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startApiServer } from "../support/api-server";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

let server: Awaited<ReturnType<typeof startApiServer>>;
let svix: Svix;
let apiKey: string;

beforeAll(async () => {
  await freshDatabase();
  server = await startApiServer();
  ({ apiKey } = await createTestTenant("import"));
  svix = new Svix(apiKey, { serverUrl: server.url });
});
afterAll(() => server?.close());

const YAML = `
openapi: 3.1.0
info: { title: Shop webhooks, version: 1.0.0 }
webhooks:
  order.created:
    post:
      description: An order was placed
      x-svix-group-name: order
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Order" }
            example: { id: "ord_1", total: 12.5 }
  order.legacy:
    post:
      summary: The old order event
      deprecated: true
      x-svix-feature-flags: [beta]
      requestBody:
        content:
          application/json:
            schema: { type: object }
components:
  schemas:
    Money: { type: number, minimum: 0 }
    Order:
      type: object
      required: [id]
      properties:
        id: { type: string }
        total: { $ref: "#/components/schemas/Money" }
`;

describe("event-type import from OpenAPI (svix SDK)", () => {
  it("creates event types from YAML webhooks, with inlined schemas, examples, groups, flags", async () => {
    const out = await svix.eventType.importOpenapi({ specRaw: YAML });
    expect(out.data.modified.sort()).toEqual(["order.created", "order.legacy"]);
    const created = await svix.eventType.get("order.created");
    expect(created).toMatchObject({
      description: "An order was placed",
      groupName: "order",
      deprecated: false,
    });
    expect(created.schemas).toEqual({
      "1": {
        type: "object",
        required: ["id"],
        properties: { id: { type: "string" }, total: { type: "number", minimum: 0 } },
        examples: [{ id: "ord_1", total: 12.5 }],
      },
    });
    expect(await svix.eventType.get("order.legacy")).toMatchObject({
      description: "The old order event",
      deprecated: true,
      featureFlags: ["beta"],
    });
  });

  it("dryRun changes nothing and says what would; replaceAll archives the others; re-import unarchives", async () => {
    await svix.eventType.create({ name: "unrelated.thing", description: "Not in the spec" });
    const spec = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      webhooks: { "order.created": { post: { description: "Updated" } } },
    };
    const dry = await svix.eventType.importOpenapi({ spec, dryRun: true, replaceAll: true });
    expect(dry.data.modified).toEqual([]);
    expect(dry.data.toModify?.map((t) => t.name)).toEqual(["order.created"]);
    expect((await svix.eventType.get("order.created")).description).toBe("An order was placed");

    await svix.eventType.importOpenapi({ spec, replaceAll: true });
    expect((await svix.eventType.get("order.created")).description).toBe("Updated");
    expect((await svix.eventType.get("unrelated.thing")).archived).toBe(true);
    expect((await svix.eventType.get("order.legacy")).archived).toBe(true);
    await svix.eventType.importOpenapi({ specRaw: YAML });
    expect((await svix.eventType.get("order.legacy")).archived).toBe(false);
  });

  it("x-webhooks (OpenAPI 3.0) works too; bad documents are 400 or 422 naming the webhook", async () => {
    await svix.eventType.importOpenapi({
      spec: { openapi: "3.0.3", "x-webhooks": { "user.signed-up": { post: {} } } },
    });
    expect((await svix.eventType.get("user.signed-up")).schemas ?? null).toBeNull();

    const post = (body: unknown) =>
      fetch(`${server.url}/api/v1/event-type/import/openapi`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${apiKey}`,
          "content-type": "application/json",
        },
        body: JSON.stringify(body),
      });
    await expect(svix.eventType.importOpenapi({})).rejects.toMatchObject({ code: 400 });
    await expect(svix.eventType.importOpenapi({ specRaw: "webhooks: [unclosed" })).rejects.toMatchObject({
      code: 400,
    });
    await expect(svix.eventType.importOpenapi({ spec: { openapi: "3.1.0" } })).rejects.toMatchObject({
      code: 422,
    });
    const badName = await svix.eventType
      .importOpenapi({ spec: { webhooks: { "has space": { post: {} } } } })
      .catch((e) => e);
    expect(badName).toMatchObject({
      code: 422,
      body: { detail: [{ loc: ["body", "spec", "webhooks", "has space"] }] },
    });
    const cyclic = await svix.eventType
      .importOpenapi({
        spec: {
          webhooks: {
            "a.b": {
              post: {
                requestBody: {
                  content: { "application/json": { schema: { $ref: "#/components/schemas/A" } } },
                },
              },
            },
          },
          components: { schemas: { A: { properties: { next: { $ref: "#/components/schemas/A" } } } } },
        },
      })
      .catch((e) => e);
    expect(cyclic).toMatchObject({ code: 422 });
    expect((await post({ specRaw: "a: &a [*a, *a]" })).status).toBeLessThan(500);
    expect(await db.eventType.count({ where: { name: "a.b" } })).toBe(0);
  });

  it("the list leaves schemas out unless with_content (as Svix; the SDK does not ask by default)", async () => {
    const plain = await svix.eventType.list();
    expect(plain.data.find((t) => t.name === "order.created")?.schemas ?? null).toBeNull();
    const full = await svix.eventType.list({ withContent: true });
    expect(full.data.find((t) => t.name === "order.created")?.schemas).toBeTruthy();
  });
});
