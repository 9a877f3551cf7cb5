import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createApplication } from "@/lib/applications/create-application";
import { db } from "@/lib/db";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { createEventType } from "@/lib/event-types/save-event-type";
import { createMessage } from "@/lib/messages/create-message";
import { ensureOperationalApp, OPERATIONAL_APP } from "@/lib/operational/operational-app";
import { startRecover } from "@/lib/tasks/start-tasks";
import { createInvitation } from "@/lib/team/create-invitation";
import { CAPABILITIES } from "@/lib/widget/capabilities";
import { createPortalAccess } from "@/lib/widget/create-portal-access";
import { fd, type Outcome, run, snapshot } from "../support/action-isolation";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

// Every server action of the portal and the widget, called as tenant B (B's session, or a widget
// token for B's application, or for another application of A's tenant) with tenant A's ids: each
// is refused (an error state, a 404/403 ApiError, or notFound/redirect), none returns A's data,
// and every row of A's is unchanged. Next's request context is replaced by the session and cookie
// of the attacker, as the action would see them.

const session = vi.hoisted(() => ({ userId: "" }));
vi.mock("next-auth", () => ({ getServerSession: async () => ({ user: { id: session.userId } }) }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
  headers: async () => new Headers(),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error(`redirect ${to}`), { redirected: to });
  },
  notFound: () => {
    throw Object.assign(new Error("not found"), { notFound: true });
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const portal = {
  root: await import("@/app/(portal)/actions"),
  apps: await import("@/app/(portal)/applications/actions"),
  endpoints: await import("@/app/(portal)/applications/[app_id]/endpoints/actions"),
  messages: await import("@/app/(portal)/applications/[app_id]/messages/actions"),
  deadLetter: await import("@/app/(portal)/dead-letter/actions"),
  eventTypes: await import("@/app/(portal)/event-types/actions"),
  team: await import("@/app/(portal)/team/actions"),
  widget: await import("@/app/(portal)/widget/actions"),
  ops: await import("@/app/(portal)/operational-webhooks/actions"),
};
const widget = await import("@/app/embed/[token]/actions");

interface Victim {
  tenantId: string;
  userId: string;
  appId: string;
  appUid: string;
  endpointId: string;
  endpointUid: string;
  messageId: string;
  membershipId: string;
  invitationId: string;
  apiKeyId: string;
  eventType: string;
  taskId: string;
  opsEndpointId: string;
}
let a: Victim;
let attackerTenantId: string;
let attackerToken: string; // a widget token for B's own application
let siblingToken: string; // a widget token for A's other application
let siblingAppId: string;

const tokenOf = (url: string) => new URL(url).pathname.split("/")[2]!;

beforeAll(async () => {
  await freshDatabase();
  const victim = await createTestTenant("victim");
  const app = (await createApplication(victim.tenantId, { name: "Victim app", uid: "victim-app" })).app;
  const sibling = (await createApplication(victim.tenantId, { name: "Sibling app" })).app;
  const endpoint = await createEndpoint(victim.tenantId, app.id, {
    url: "https://hooks.victim.example/in",
    uid: "victim-hook",
    headers: { Authorization: "Bearer victim-credential" },
  });
  await createEventType(victim.tenantId, { name: "victim.event", description: "Victim's" });
  const { message } = await createMessage(
    victim.tenantId,
    app.id,
    { eventType: "victim.event", payload: { secret: "victim-payload" } },
    { maxPayloadBytes: 1_000_000, idempotency: null },
  );
  const invitation = await createInvitation(victim.tenantId, null, {
    email: "new@victim.example",
    role: "member",
  });
  const membership = await db.membership.findFirstOrThrow({ where: { tenantId: victim.tenantId } });
  const apiKey = await db.apiKey.findFirstOrThrow({ where: { tenantId: victim.tenantId } });
  a = {
    tenantId: victim.tenantId,
    userId: victim.userId,
    appId: app.id,
    appUid: "victim-app",
    endpointId: endpoint.id,
    endpointUid: "victim-hook",
    messageId: message.id,
    membershipId: membership.id,
    invitationId: invitation.invitation.id,
    apiKeyId: apiKey.id,
    eventType: "victim.event",
    opsEndpointId: await (async () => {
      await ensureOperationalApp(victim.tenantId);
      return (await createEndpoint(victim.tenantId, OPERATIONAL_APP, { url: "https://ops.victim.example/" }))
        .id;
    })(),
    taskId: (await startRecover(victim.tenantId, app.id, endpoint.id, { since: new Date(0) })).id,
  };

  const attacker = await createTestTenant("attacker");
  attackerTenantId = attacker.tenantId;
  session.userId = attacker.userId;
  await createApiKey({ tenantId: attacker.tenantId, name: "second", createdById: attacker.userId });
  const attackerApp = (await createApplication(attacker.tenantId, { name: "Attacker app" })).app;
  // Every capability, ManageTransformations too (not granted by default), so only the tenant and
  // application checks stand between these tokens and A's rows.
  const all = { capabilities: [...CAPABILITIES] };
  attackerToken = tokenOf((await createPortalAccess(attacker.tenantId, attackerApp.id, all)).url);
  siblingAppId = sibling.id;
  siblingToken = tokenOf((await createPortalAccess(victim.tenantId, sibling.id, all)).url);
});
afterAll(() => db.$disconnect());

const endpointForm = () =>
  fd({ url: "https://evil.example/steal", description: "pwned", headers: "", eventTypes: [] });

/** Each action with A's ids, as B would send them (the page's bound arguments replaced). */
function portalCalls(): [string, () => Promise<unknown>][] {
  const { endpoints: e, apps, messages, deadLetter, eventTypes, team, widget: w, root } = portal;
  const calls: [string, () => Promise<unknown>][] = [];
  for (const [label, appId, endpointId] of [
    ["ids", a.appId, a.endpointId],
    ["uids", a.appUid, a.endpointUid],
  ] as const) {
    calls.push(
      [`createEndpointAction (${label})`, () => e.createEndpointAction(appId, {}, endpointForm())],
      [`saveEndpointAction (${label})`, () => e.saveEndpointAction(appId, endpointId, {}, endpointForm())],
      [`deleteEndpointAction (${label})`, () => e.deleteEndpointAction(appId, endpointId)],
      [`setEndpointEnabledAction (${label})`, () => e.setEndpointEnabledAction(appId, endpointId, false)],
      [`revealSecretAction (${label})`, () => e.revealSecretAction(appId, endpointId)],
      [`rotateSecretAction (${label})`, () => e.rotateSecretAction(appId, endpointId)],
      [`sendTestEventAction (${label})`, () => e.sendTestEventAction(appId, endpointId, a.eventType)],
      [`attemptResultAction (${label})`, () => e.attemptResultAction(appId, endpointId, a.messageId)],
      [`checkEndpointUrlAction (${label})`, () => e.checkEndpointUrlAction(appId, endpointId)],
      [
        `saveTransformationAction (${label})`,
        () => e.saveTransformationAction(appId, endpointId, { code: "function handler(w) { return w; }" }),
      ],
      [
        `tryTransformationAction (${label})`,
        () =>
          e.tryTransformationAction(appId, endpointId, {
            code: "function handler(w) { return w; }",
            eventType: "x",
            payload: "{}",
          }),
      ],
      [
        `resendToEndpointAction (${label})`,
        () => messages.resendToEndpointAction(appId, a.messageId, endpointId),
      ],
      [
        `updateApplicationAction (${label})`,
        () =>
          apps.updateApplicationAction(
            appId,
            {},
            fd({ name: "pwned", uid: "", metadata: "", throttleRate: "" }),
          ),
      ],
      [`deleteApplicationAction (${label})`, () => apps.deleteApplicationAction(appId)],
      [
        `recoverAction (${label})`,
        () =>
          deadLetter.recoverAction(
            {},
            fd({ endpoint: `${appId}:${endpointId}`, since: "2020-01-01T00:00:00Z" }),
          ),
      ],
      [
        `recoveryProgressAction (${label})`,
        () => deadLetter.recoveryProgressAction(a.taskId, appId, endpointId, "2020-01-01T00:00:00Z"),
      ],
      [
        `resendSelectedAction (${label})`,
        () => deadLetter.resendSelectedAction(fd({ delivery: `${appId}:${a.messageId}:${endpointId}` })),
      ],
      [`previewWidgetAction (${label})`, () => w.previewWidgetAction({}, fd({ appId }))],
    );
  }
  calls.push(
    [
      "saveEventTypeAction (edit A's type)",
      () =>
        eventTypes.saveEventTypeAction(
          {},
          fd({ mode: "edit", name: a.eventType, description: "pwned", schema: "", example: "" }),
        ),
    ],
    [
      "setArchivedAction (A's type)",
      () => eventTypes.setArchivedAction(fd({ name: a.eventType, archived: "true" })),
    ],
    ["revokeApiKeyAction (A's key)", () => root.revokeApiKeyAction(fd({ id: a.apiKeyId }))],
    ["switchTenantAction (to A)", () => root.switchTenantAction(fd({ tenantId: a.tenantId }))],
    ["changeRoleAction (A's owner)", () => team.changeRoleAction(a.membershipId, "member")],
    ["removeMemberAction (A's owner)", () => team.removeMemberAction(a.membershipId)],
    ["revokeInvitationAction (A's)", () => team.revokeInvitationAction(a.invitationId)],
    [
      "deleteOperationalEndpointAction (A's)",
      () => portal.ops.deleteOperationalEndpointAction(a.opsEndpointId),
    ],
    ["revealOperationalSecretAction (A's)", () => portal.ops.revealOperationalSecretAction(a.opsEndpointId)],
  );
  return calls;
}

function widgetCalls(token: string): [string, () => Promise<unknown>][] {
  const calls: [string, () => Promise<unknown>][] = [];
  for (const [label, endpointId] of [
    ["id", a.endpointId],
    ["uid", a.endpointUid],
  ] as const)
    calls.push(
      [
        `widgetSaveEndpointAction (${label})`,
        () => widget.widgetSaveEndpointAction(token, endpointId, {}, endpointForm()),
      ],
      [`widgetDeleteEndpointAction (${label})`, () => widget.widgetDeleteEndpointAction(token, endpointId)],
      [`widgetSetEnabledAction (${label})`, () => widget.widgetSetEnabledAction(token, endpointId, false)],
      [`widgetRevealSecretAction (${label})`, () => widget.widgetRevealSecretAction(token, endpointId)],
      [`widgetRotateSecretAction (${label})`, () => widget.widgetRotateSecretAction(token, endpointId)],
      [
        `widgetSendTestEventAction (${label})`,
        () => widget.widgetSendTestEventAction(token, endpointId, a.eventType),
      ],
      [
        `widgetAttemptResultAction (${label})`,
        () => widget.widgetAttemptResultAction(token, endpointId, a.messageId),
      ],
      [`widgetResendAction (${label})`, () => widget.widgetResendAction(token, a.messageId, endpointId)],
      [
        `widgetCheckEndpointUrlAction (${label})`,
        () => widget.widgetCheckEndpointUrlAction(token, endpointId),
      ],
      [
        `widgetSaveTransformationAction (${label})`,
        () =>
          widget.widgetSaveTransformationAction(token, endpointId, {
            code: "function handler(w) { return w; }",
            enabled: true,
          }),
      ],
      [
        `widgetTryTransformationAction (${label})`,
        () =>
          widget.widgetTryTransformationAction(token, endpointId, {
            code: "function handler(w) { return w; }",
            eventType: "x",
            payload: "{}",
          }),
      ],
      [
        `widgetRecoverAction (${label})`,
        () => widget.widgetRecoverAction(token, endpointId, {}, fd({ since: "2020-01-01T00:00:00Z" })),
      ],
      [
        `widgetRecoveryProgressAction (${label})`,
        () =>
          widget.widgetRecoveryProgressAction(token, a.taskId, a.appId, endpointId, "2020-01-01T00:00:00Z"),
      ],
    );
  return calls;
}

/** What B may legitimately get back: nothing of A's (no id, secret, payload or credential). */
function expectNothingOfA(label: string, outcome: Outcome) {
  if (outcome.kind === "refused") return;
  const text = JSON.stringify(outcome.value ?? null);
  for (const secret of [a.appId, a.endpointId, a.messageId, "victim-payload", "victim-credential", "whsec_"])
    expect(text, `${label} returned ${text}`).not.toContain(secret);
}

describe("server actions as another tenant, with tenant A's ids", () => {
  it("every portal action is refused or touches only B's own tenant; A's rows are unchanged", async () => {
    const before = await snapshot(a.tenantId);
    const calls = portalCalls();
    expect(calls.length).toBeGreaterThanOrEqual(37);
    const outcomes: Record<string, string> = {};
    for (const [label, call] of calls) {
      const outcome = await run(call);
      expectNothingOfA(label, outcome);
      outcomes[label] = outcome.kind === "refused" ? `refused (${outcome.why})` : "returned";
    }
    expect(await snapshot(a.tenantId)).toEqual(before);
    // The reads and the changes that name one of A's objects are refused outright.
    for (const label of Object.keys(outcomes).filter((l) =>
      /reveal|rotate|delete|Delete|save|Enabled|resendTo|update|revoke|Role|remove|setArchived|recoverAction|sendTest|checkEndpointUrl/.test(
        l,
      ),
    ))
      expect(outcomes[label], label).toMatch(/^refused/);
    // Creating an endpoint under A's application is refused; switching to A's tenant goes nowhere.
    expect(outcomes["createEndpointAction (ids)"]).toMatch(/^refused/);
    expect(await db.endpoint.count({ where: { url: "https://evil.example/steal" } })).toBe(0);
    expect(await db.tenant.findUnique({ where: { id: attackerTenantId } })).not.toBeNull();
  });

  it("every widget action with B's token (another tenant) or A's other application's token is refused", async () => {
    const before = await snapshot(a.tenantId, siblingAppId);
    for (const token of [attackerToken, siblingToken]) {
      for (const [label, call] of widgetCalls(token)) {
        const outcome = await run(call);
        expectNothingOfA(label, outcome);
        if (!label.startsWith("widgetAttemptResultAction"))
          expect(outcome.kind, `${label} with ${token === attackerToken ? "B's" : "a sibling"} token`).toBe(
            "refused",
          );
        else expect(outcome.kind === "refused" || outcome.value === null, label).toBe(true);
      }
      const created = await run(() => widget.widgetCreateEndpointAction(token, {}, endpointForm()));
      // Creating through a token makes an endpoint in the token's own application, never in A's.
      expect(created.kind).toBe("returned");
    }
    expect(await snapshot(a.tenantId, siblingAppId)).toEqual(before);
  });
});
