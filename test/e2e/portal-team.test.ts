import type { Browser, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { type AppProcess, startApp } from "../support/app-process";
import { launchBrowser } from "../support/browser";
import { freshDatabase } from "../support/database";
import { signUpInBrowser } from "../support/portal-session";

let app: AppProcess;
let browser: Browser;

beforeAll(async () => {
  app = await startApp(await freshDatabase());
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The raw server-action POST a page makes, so it can be replayed from another session. */
function captureAction(request: Request) {
  return {
    url: request.url(),
    headers: Object.fromEntries(
      Object.entries(request.headers()).filter(
        ([k]) => k === "next-action" || k === "content-type" || k === "accept",
      ),
    ),
    body: request.postData() ?? "",
  };
}

describe("team roles in a real browser", () => {
  it("invites a member by link; the member cannot open the keys page nor call its actions", {
    timeout: 180_000,
  }, async () => {
    const owner = await signUpInBrowser(browser, app, "owner");
    const tenantName = await owner.getByRole("heading", { level: 1 }).textContent();
    const tenant = await db.tenant.findFirstOrThrow({ where: { name: tenantName! }, select: { id: true } });

    // The owner creates a key; the request is kept to be replayed by the member later.
    await owner.getByRole("link", { name: "API keys" }).click();
    await owner.waitForURL(/\/api-keys/);
    await owner.getByLabel("Key name").fill("Owner key");
    const createRequest = owner.waitForRequest(
      (r) => r.method() === "POST" && Boolean(r.headers()["next-action"]),
    );
    await owner.getByRole("button", { name: "Create key" }).click();
    const createKey = captureAction(await createRequest);
    await owner.getByTestId("new-api-key").waitFor();
    const key = await db.apiKey.findFirstOrThrow({ where: { tenantId: tenant.id }, select: { id: true } });

    // Invite: the link is shown to copy.
    await owner.getByRole("link", { name: "Team" }).click();
    // The team's only owner cannot be removed or demoted: nothing offers it.
    await owner.getByText("Only owner").waitFor();
    expect(await owner.getByRole("button", { name: "Remove" }).count()).toBe(0);
    const memberEmail = `member-${Date.now()}@example.test`;
    await owner.getByLabel("Email").fill(memberEmail);
    await owner.getByLabel("Role", { exact: true }).selectOption("member");
    await owner.getByRole("button", { name: "Create invitation link" }).click();
    const inviteUrl = (await owner.getByTestId("invite-url").textContent())!;
    expect(inviteUrl).toMatch(/\/invite\/[\w-]+$/);
    await owner.getByText(`${memberEmail} as member`).waitFor();

    // The invitee opens the link in a fresh browser, creates an account and lands in the team.
    const member = await (await browser.newContext()).newPage();
    member.setDefaultTimeout(20_000);
    await member.goto(inviteUrl);
    await member.getByRole("heading", { name: `Join ${tenantName} as member` }).waitFor();
    await member.getByLabel("Choose a password").fill("member password 123");
    await member.getByRole("button", { name: "Create account and join" }).click();
    await member.waitForURL(/\/dashboard/);
    await expect(member.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(tenantName);
    // The link works once.
    const again = await (await browser.newContext()).newPage();
    await again.goto(inviteUrl);
    await again.getByText("already been accepted").waitFor();
    await again.context().close();

    // The keys page shows the member nothing of the keys.
    await member.goto(`${app.url}/api-keys`);
    await member.getByText("Only owners and admins").waitFor();
    expect(await member.getByText("Owner key").count()).toBe(0);
    expect(await member.getByRole("button", { name: "Create key" }).count()).toBe(0);

    // Replaying the owner's "create key" action with the member's session is refused by the server.
    const replay = await member.evaluate(async (r) => {
      const res = await fetch(r.url, { method: "POST", headers: r.headers, body: r.body });
      return { status: res.status, text: await res.text() };
    }, createKey);
    expect(replay.text).toContain("Only owners and admins can create API keys.");
    expect(replay.text).not.toMatch(/hk_live_/);
    expect(await db.apiKey.count({ where: { tenantId: tenant.id } })).toBe(1);

    // The same for revoking: the owner revokes a second key; the member replays that request
    // aimed at the first key, and the server refuses.
    await owner.getByRole("link", { name: "API keys" }).click();
    await owner.waitForURL(/\/api-keys/);
    await owner.getByLabel("Key name").fill("Second key");
    await owner.getByRole("button", { name: "Create key" }).click();
    await owner.getByTestId("new-api-key").waitFor();
    const second = await db.apiKey.findFirstOrThrow({ where: { tenantId: tenant.id, name: "Second key" } });
    owner.once("dialog", (d) => void d.accept());
    const revokeRequest = owner.waitForRequest(
      (r) => r.method() === "POST" && Boolean(r.headers()["next-action"]),
    );
    await owner.getByRole("button", { name: "Revoke Second key" }).click();
    const revoke = captureAction(await revokeRequest);
    expect(revoke.body).toContain(second.id);
    await expect
      .poll(async () => (await db.apiKey.findUniqueOrThrow({ where: { id: second.id } })).revokedAt)
      .not.toBeNull();
    const revoked = await member.evaluate(
      async (r) => {
        const res = await fetch(r.url, { method: "POST", headers: r.headers, body: r.body });
        return res.status;
      },
      { ...revoke, body: revoke.body.replaceAll(second.id, key.id) },
    );
    expect(revoked).toBeGreaterThanOrEqual(400);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).toBeNull();

    // Nor can a member change roles: the team page offers no controls, and the server refuses.
    await member.goto(`${app.url}/team`);
    await member.getByText("Owners and admins invite people").waitFor();
    expect(await member.getByRole("button", { name: "Remove" }).count()).toBe(0);

    // The owner promotes the member to admin; then the keys page opens for them.
    await owner.getByRole("link", { name: "Team" }).click();
    await owner.getByLabel(`Role of ${memberEmail}`).selectOption("admin");
    await expect
      .poll(
        async () =>
          (await db.membership.findFirst({ where: { tenantId: tenant.id, user: { email: memberEmail } } }))
            ?.role,
      )
      .toBe("admin");
    await member.goto(`${app.url}/api-keys`);
    await member.getByText("Owner key").waitFor();

    // The last owner cannot be demoted: the page does not offer it (the server refuses it too,
    // test/portal/team.test.ts).
    const ownerEmail = (
      await db.membership.findFirstOrThrow({
        where: { tenantId: tenant.id, role: "owner" },
        select: { user: { select: { email: true } } },
      })
    ).user.email;
    expect(await owner.getByLabel(`Role of ${ownerEmail}`).isDisabled()).toBe(true);
    await owner.context().close();
    await member.context().close();
  });
});
