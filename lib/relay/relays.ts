import { randomBytes } from "node:crypto";
import { notFound } from "@/lib/api/errors";
import { findApplication } from "@/lib/applications/find-application";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/database-errors";
import { appUrl } from "@/lib/env";
import { newId } from "@/lib/ids";

// Relays for `npm run listen` (lib/cli/listen.ts): <APP_URL>/relay/<token> takes deliveries and
// hands them to the CLI connected over a WebSocket (lib/relay/relay-hub.ts), which answers with
// the local receiver's response. A relay stays (its URL is the endpoint's), so running the CLI
// again reuses both.

/** A listener is taken as connected while its process renewed `listenerSeenAt` this recently. */
export const LISTENER_FRESH_MS = 20_000;

export function relayUrl(token: string): string {
  return `${appUrl()}/relay/${token}`;
}

const select = { id: true, name: true, token: true, applicationId: true, listenerSeenAt: true } as const;

export function serializeRelay(r: {
  id: string;
  name: string;
  token: string;
  applicationId: string;
  listenerSeenAt: Date | null;
}) {
  return {
    id: r.id,
    name: r.name,
    applicationId: r.applicationId,
    url: relayUrl(r.token),
    listening: r.listenerSeenAt !== null && Date.now() - r.listenerSeenAt.getTime() < LISTENER_FRESH_MS,
  };
}

/** The application's relay called `name`, made on first use (two racing calls get the same one). */
export async function openRelay(tenantId: string, appIdOrUid: string, name: string) {
  const app = await findApplication(tenantId, appIdOrUid);
  const existing = await db.relay.findUnique({
    where: { applicationId_name: { applicationId: app.id, name } },
    select,
  });
  if (existing) return existing;
  try {
    return await db.relay.create({
      data: {
        id: newId("rly"),
        tenantId,
        applicationId: app.id,
        name,
        token: randomBytes(16).toString("base64url"),
      },
      select,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.relay.findUniqueOrThrow({
      where: { applicationId_name: { applicationId: app.id, name } },
      select,
    });
  }
}

/** One of the tenant's relays, or a 404. */
export async function findRelay(tenantId: string, id: string) {
  const relay = await db.relay.findFirst({ where: { id, tenantId }, select });
  if (!relay) throw notFound("Relay");
  return relay;
}
