import { createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { nodeV1aVerifier } from "@/lib/endpoints/ed25519-snippets";
import { startDeliveryStack } from "../support/delivery-stack";
import { type ReceivedRequest, startReceiver } from "../support/receiver";

// Ed25519 (`v1a`) signatures, checked with node:crypto over the exact bytes received, never with
// our signing code; HMAC (`v1`) ones with the standardwebhooks library.

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

beforeAll(async () => {
  stack = await startDeliveryStack();
  await stack.svix.eventType.create({ name: "invoice.paid", description: "" });
});
afterAll(() => stack.close());

/** A key pair made by node:crypto, as Standard Webhooks writes it. */
function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const seed = Buffer.from(privateKey.export({ format: "jwk" }).d!, "base64url");
  const pub = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
  return { seed, pub, whsk: `whsk_${seed.toString("base64")}`, whpk: `whpk_${pub.toString("base64")}` };
}

/** The v1a signatures in a request that node:crypto verifies with `whpk`, over the raw bytes. */
function validV1a(req: ReceivedRequest, whpk: string): number {
  const key = createPublicKey({
    key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(whpk.slice(5), "base64").toString("base64url") },
    format: "jwk",
  });
  const signed = Buffer.concat([
    Buffer.from(`${req.headers["webhook-id"]}.${req.headers["webhook-timestamp"]}.`),
    req.raw,
  ]);
  return String(req.headers["webhook-signature"])
    .split(" ")
    .filter((s) => s.startsWith("v1a,") && verify(null, signed, key, Buffer.from(s.slice(4), "base64")))
    .length;
}

const headersOf = (req: ReceivedRequest) => ({
  "webhook-id": String(req.headers["webhook-id"]),
  "webhook-timestamp": String(req.headers["webhook-timestamp"]),
  "webhook-signature": String(req.headers["webhook-signature"]),
});

describe("Ed25519 signatures (Standard Webhooks v1a)", () => {
  it("signs with a whsk_ key given at creation; GET secret returns only the whpk_ public key", async () => {
    const app = await stack.svix.application.create({ name: "Ed25519 given" });
    const receiver = await startReceiver();
    const keys = keyPair();
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url, secret: keys.whsk });
    expect((await stack.svix.endpoint.getSecret(app.id, ep.id)).key).toBe(keys.whpk);
    await stack.svix.message.create(app.id, {
      eventType: "invoice.paid",
      payload: { amount: 1, note: "ünï" },
    });
    await receiver.waitFor(1);
    const [req] = receiver.requests;
    expect(String(req!.headers["webhook-signature"])).toMatch(/^v1a,[A-Za-z0-9+/]{86}==$/);
    expect(validV1a(req!, keys.whpk)).toBe(1);
    // The tampered body, another key: node:crypto says no.
    expect(validV1a({ ...req!, raw: Buffer.from(req!.body.replace("1", "2")) }, keys.whpk)).toBe(0);
    expect(validV1a(req!, keyPair().whpk)).toBe(0);
    // The secret key is stored encrypted, not as its text.
    const stored = await db.endpointSecret.findMany({ where: { endpointId: ep.id } });
    expect(stored.every((s) => !s.encrypted.includes(keys.seed.toString("base64")))).toBe(true);
    await receiver.close();
  });

  it("accepts the 64-byte seed-and-public-key form, and refuses public keys and mismatched pairs", async () => {
    const app = await stack.svix.application.create({ name: "Ed25519 forms" });
    const keys = keyPair();
    const long = `whsk_${Buffer.concat([keys.seed, keys.pub]).toString("base64")}`;
    const ep = await stack.svix.endpoint.create(app.id, { url: "http://127.0.0.1:9/x", secret: long });
    expect((await stack.svix.endpoint.getSecret(app.id, ep.id)).key).toBe(keys.whpk);
    const post = (body: unknown) =>
      fetch(`${stack.api.url}/api/v1/app/${app.id}/endpoint`, {
        method: "POST",
        headers: { authorization: `Bearer ${stack.tenant.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const mismatched = `whsk_${Buffer.concat([keys.seed, keyPair().pub]).toString("base64")}`;
    for (const secret of [keys.whpk, mismatched, "whsk_c2hvcnQ=", `whsk1_${keys.seed.toString("base64")}`]) {
      const res = await post({ url: "http://127.0.0.1:9/x", secret });
      expect(res.status).toBe(422);
      const body = (await res.json()) as { code: string; detail: { loc: string[]; msg: string }[] };
      expect(body.code).toBe("validation");
      expect(body.detail[0]!.loc).toEqual(["body", "secret"]);
    }
    const conflicting = await post({ url: "http://127.0.0.1:9/x", secret: keys.whsk, keyType: "hmac" });
    expect(conflicting.status).toBe(422);
  });

  it("generates a key pair on request (keyType ed25519), and rotation keeps the kind", async () => {
    const app = await stack.svix.application.create({ name: "Ed25519 generated" });
    const res = await fetch(`${stack.api.url}/api/v1/app/${app.id}/endpoint`, {
      method: "POST",
      headers: { authorization: `Bearer ${stack.tenant.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ url: "http://127.0.0.1:9/x", keyType: "ed25519" }),
    });
    expect(res.status).toBe(201);
    const ep = (await res.json()) as { id: string };
    const first = (await stack.svix.endpoint.getSecret(app.id, ep.id)).key;
    expect(first).toMatch(/^whpk_[A-Za-z0-9+/]{43}=$/);
    await stack.svix.endpoint.rotateSecret(app.id, ep.id, {});
    const second = (await stack.svix.endpoint.getSecret(app.id, ep.id)).key;
    expect(second).toMatch(/^whpk_/);
    expect(second).not.toBe(first);
  });

  it("works for operational endpoints too: created with whsk_, their secret read as whpk_", async () => {
    const keys = keyPair();
    const ops = await stack.svix.operationalWebhook.endpoint.create({
      url: "http://127.0.0.1:9/ops",
      secret: keys.whsk,
    });
    expect((await stack.svix.operationalWebhook.endpoint.getSecret(ops.id)).key).toBe(keys.whpk);
    await stack.svix.operationalWebhook.endpoint.rotateSecret(ops.id, {});
    const rotated = (await stack.svix.operationalWebhook.endpoint.getSecret(ops.id)).key;
    expect(rotated).toMatch(/^whpk_/);
    expect(rotated).not.toBe(keys.whpk);
    await stack.svix.operationalWebhook.endpoint.delete(ops.id);
  });

  it("sends both signatures during a rotation from HMAC to Ed25519 and back, each verifiable", async () => {
    const app = await stack.svix.application.create({ name: "Ed25519 rotation" });
    const receiver = await startReceiver();
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const hmac = (await stack.svix.endpoint.getSecret(app.id, ep.id)).key;
    const keys = keyPair();
    await stack.svix.endpoint.rotateSecret(app.id, ep.id, { key: keys.whsk });
    expect((await stack.svix.endpoint.getSecret(app.id, ep.id)).key).toBe(keys.whpk);
    await stack.svix.message.create(app.id, { eventType: "invoice.paid", payload: { step: 1 } });
    await receiver.waitFor(1);
    const during = receiver.requests[0]!;
    const versions = String(during.headers["webhook-signature"])
      .split(" ")
      .map((s) => s.split(",")[0]);
    expect(versions.sort()).toEqual(["v1", "v1a"]);
    expect(validV1a(during, keys.whpk)).toBe(1);
    expect(new StandardWebhook(hmac).verify(during.body, headersOf(during))).toEqual({ step: 1 });

    // Back to HMAC: the Ed25519 key keeps signing in its grace period.
    await stack.svix.endpoint.rotateSecret(app.id, ep.id, {});
    const next = (await stack.svix.endpoint.getSecret(app.id, ep.id)).key;
    expect(next).toMatch(/^whpk_/); // a rotation without a kind keeps the current one
    const toHmac = await fetch(`${stack.api.url}/api/v1/app/${app.id}/endpoint/${ep.id}/secret/rotate`, {
      method: "POST",
      headers: { authorization: `Bearer ${stack.tenant.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ keyType: "hmac" }),
    });
    expect(toHmac.status).toBe(204);
    const newHmac = (await stack.svix.endpoint.getSecret(app.id, ep.id)).key;
    expect(newHmac).toMatch(/^whsec_/);
    await stack.svix.message.create(app.id, { eventType: "invoice.paid", payload: { step: 2 } });
    await receiver.waitFor(2);
    const after = receiver.requests[1]!;
    expect(validV1a(after, keys.whpk)).toBe(1);
    expect(validV1a(after, next)).toBe(1);
    expect(new StandardWebhook(newHmac).verify(after.body, headersOf(after))).toEqual({ step: 2 });
    await receiver.close();
  });

  it("the Node verifier the docs ship accepts a real delivery and refuses a tampered one", async () => {
    const app = await stack.svix.application.create({ name: "Ed25519 snippet" });
    const receiver = await startReceiver();
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url, secret: keyPair().whsk });
    const { key } = await stack.svix.endpoint.getSecret(app.id, ep.id);
    const dir = await mkdtemp(path.join(tmpdir(), "v1a-"));
    const file = path.join(dir, "verify.mjs");
    await writeFile(file, nodeV1aVerifier(key));
    const { verifyWebhook } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {
      verifyWebhook: (raw: Buffer, headers: Record<string, unknown>) => unknown;
    };
    await stack.svix.message.create(app.id, { eventType: "invoice.paid", payload: { ok: true } });
    await receiver.waitFor(1);
    const req = receiver.requests[0]!;
    expect(verifyWebhook(req.raw, req.headers)).toEqual({ ok: true });
    expect(() => verifyWebhook(Buffer.from('{"ok":false}'), req.headers)).toThrow("invalid signature");
    expect(() => verifyWebhook(req.raw, { ...req.headers, "webhook-timestamp": "1700000000" })).toThrow(
      "stale",
    );
    await receiver.close();
    // README ships the same text (indented in its list item), with a placeholder key.
    const readme = await readFile(path.join(process.cwd(), "README.md"), "utf8");
    const indented = nodeV1aVerifier("whpk_…")
      .split("\n")
      .map((line) => `  ${line}`.trimEnd())
      .join("\n");
    expect(readme).toContain(indented);
  });
});
