import { ApiException, Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiServer } from "../support/api-server";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

let server: Awaited<ReturnType<typeof startApiServer>>;
let svix: Svix;
let other: Svix;

beforeAll(async () => {
  await freshDatabase();
  server = await startApiServer();
  svix = new Svix((await createTestTenant("apps")).apiKey, { serverUrl: server.url });
  other = new Svix((await createTestTenant("other")).apiKey, { serverUrl: server.url });
});
afterAll(() => server.close());

describe("applications through the svix SDK", () => {
  it("creates, gets by id and by uid, updates, patches and deletes", async () => {
    const app = await svix.application.create({ name: "Acme", uid: "acme", metadata: { plan: "pro" } });
    expect(app.id).toMatch(/^app_[0-9A-Za-z]{22}$/);
    expect(app).toMatchObject({ name: "Acme", uid: "acme", metadata: { plan: "pro" } });
    expect(app.createdAt).toBeInstanceOf(Date);

    expect((await svix.application.get(app.id)).uid).toBe("acme");
    expect((await svix.application.get("acme")).id).toBe(app.id);

    const updated = await svix.application.upsert("acme", { name: "Acme Inc", uid: "acme" });
    expect(updated).toMatchObject({ id: app.id, name: "Acme Inc", metadata: {} });

    const patched = await svix.application.patch(app.id, { throttleRate: 10 });
    expect(patched).toMatchObject({ name: "Acme Inc", throttleRate: 10 });

    await svix.application.delete("acme");
    await expect(svix.application.get(app.id)).rejects.toMatchObject({ code: 404 });
  });

  it("PUT on an unknown uid creates the application with that uid", async () => {
    const app = await svix.application.upsert("created-by-put", { name: "Put" });
    expect(app.uid).toBe("created-by-put");
  });

  it("getOrCreate returns the existing application for a known uid", async () => {
    const first = await svix.application.getOrCreate({ name: "Once", uid: "once" });
    const second = await svix.application.getOrCreate({ name: "Twice", uid: "once" });
    expect(second.id).toBe(first.id);
    expect(second.name).toBe("Once");
  });

  it("lists with iterator pagination in both orders", async () => {
    const created: string[] = [];
    for (let i = 0; i < 7; i++)
      created.push((await svix.application.create({ name: `page-${i}`, uid: `page-${i}` })).id);
    const seen: string[] = [];
    let iterator: string | null | undefined;
    let pages = 0;
    for (;;) {
      const page = await svix.application.list({ limit: 3, iterator, order: "ascending" as never });
      pages += 1;
      seen.push(...page.data.map((a) => a.id));
      if (page.done) break;
      iterator = page.iterator;
    }
    expect(seen.filter((id) => created.includes(id))).toEqual(created);
    expect(pages).toBeGreaterThanOrEqual(3);

    const newestFirst = await svix.application.list({ limit: 2 });
    expect(newestFirst.data.map((a) => a.id)).toEqual([created[6], created[5]]);
    const back = await svix.application.list({ limit: 2, iterator: newestFirst.prevIterator });
    expect(back.data).toEqual([]);
    const next = await svix.application.list({ limit: 2, iterator: newestFirst.iterator });
    expect(next.data.map((a) => a.id)).toEqual([created[4], created[3]]);
    const prev = await svix.application.list({ limit: 2, iterator: next.prevIterator });
    expect(prev.data.map((a) => a.id)).toEqual([created[6], created[5]]);
  });

  it("answers 409 for a duplicate uid", async () => {
    await svix.application.create({ name: "Dup", uid: "dup" });
    const error = await svix.application.create({ name: "Dup again", uid: "dup" }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiException);
    expect(error.code).toBe(409);
    expect(error.body).toMatchObject({ code: "conflict" });
  });

  it("never shows another tenant's application", async () => {
    const mine = await svix.application.create({ name: "Mine", uid: "mine" });
    await expect(other.application.get(mine.id)).rejects.toMatchObject({ code: 404 });
    await expect(other.application.get("mine")).rejects.toMatchObject({ code: 404 });
    await expect(other.application.delete(mine.id)).rejects.toMatchObject({ code: 404 });
    const theirs = await other.application.list();
    expect(theirs.data.map((a) => a.id)).not.toContain(mine.id);
    expect((await svix.application.get(mine.id)).name).toBe("Mine");
  });

  it("replays a POST with the same idempotency key instead of creating twice", async () => {
    const a = await svix.application.create({ name: "Idem" }, { idempotencyKey: "idem-1" });
    const b = await svix.application.create({ name: "Idem" }, { idempotencyKey: "idem-1" });
    expect(b.id).toBe(a.id);
    const reused = await svix.application
      .create({ name: "Different" }, { idempotencyKey: "idem-1" })
      .catch((e) => e);
    expect(reused.code).toBe(422);
  });
});
