import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiServer } from "../support/api-server";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

let server: Awaited<ReturnType<typeof startApiServer>>;
let svix: Svix;

beforeAll(async () => {
  await freshDatabase();
  server = await startApiServer();
  svix = new Svix((await createTestTenant("et")).apiKey, { serverUrl: server.url });
});
afterAll(() => server.close());

describe("event types through the svix SDK", () => {
  it("creates, gets, updates, patches, archives and expunges", async () => {
    const schema = { "1": { type: "object", properties: { amount: { type: "number" } } } };
    const created = await svix.eventType.create({
      name: "invoice.paid",
      description: "Paid",
      schemas: schema,
    });
    expect(created).toMatchObject({
      name: "invoice.paid",
      description: "Paid",
      archived: false,
      schemas: schema,
    });

    expect((await svix.eventType.get("invoice.paid")).description).toBe("Paid");
    const replaced = await svix.eventType.upsert("invoice.paid", { description: "An invoice was paid" });
    expect(replaced).toMatchObject({ description: "An invoice was paid", schemas: null });
    const patched = await svix.eventType.patch("invoice.paid", { deprecated: true });
    expect(patched).toMatchObject({ description: "An invoice was paid", deprecated: true });

    await svix.eventType.delete("invoice.paid");
    expect((await svix.eventType.get("invoice.paid")).archived).toBe(true);
    const visible = await svix.eventType.list();
    expect(visible.data.map((e) => e.name)).not.toContain("invoice.paid");
    const all = await svix.eventType.list({ includeArchived: true });
    expect(all.data.map((e) => e.name)).toContain("invoice.paid");

    await svix.eventType.delete("invoice.paid", { expunge: true });
    await expect(svix.eventType.get("invoice.paid")).rejects.toMatchObject({ code: 404 });
  });

  it("PUT on an unknown name creates it", async () => {
    const et = await svix.eventType.upsert("user.created", { description: "A user signed up" });
    expect(et.name).toBe("user.created");
  });

  it("lists in name order across pages", async () => {
    for (const name of ["b.one", "a.two", "c.three", "a.one"])
      await svix.eventType.create({ name, description: "" });
    const names: string[] = [];
    let iterator: string | null | undefined;
    for (;;) {
      const page = await svix.eventType.list({ limit: 2, iterator });
      names.push(...page.data.map((e) => e.name));
      if (page.done) break;
      iterator = page.iterator;
    }
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(["a.one", "a.two", "b.one", "c.three"]));
  });

  it("rejects a duplicate name with 409 and a bad name with 422", async () => {
    await svix.eventType.create({ name: "dup.type", description: "" });
    await expect(svix.eventType.create({ name: "dup.type", description: "" })).rejects.toMatchObject({
      code: 409,
    });
    const error = await svix.eventType.create({ name: "has space", description: "" }).catch((e) => e);
    expect(error.code).toBe(422);
    expect(error.body.detail[0].loc).toEqual(["body", "name"]);
  });

  it("refuses schemas over 64 KiB with a 422 naming the field, and stores nothing", async () => {
    const huge = { "1": { type: "object", description: "x".repeat(70 * 1024) } };
    const error = await svix.eventType
      .create({ name: "huge.schema", description: "", schemas: huge })
      .catch((e) => e);
    expect(error.code).toBe(422);
    expect(error.body.detail[0].loc).toEqual(["body", "schemas"]);
    await expect(svix.eventType.get("huge.schema")).rejects.toMatchObject({ code: 404 });
    const ok = { "1": { type: "object", description: "x".repeat(1024) } };
    expect(
      (await svix.eventType.create({ name: "fine.schema", description: "", schemas: ok })).schemas,
    ).toEqual(ok);
  });
});
