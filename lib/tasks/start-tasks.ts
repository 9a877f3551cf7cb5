import { ValidationFailed } from "@/lib/api/errors";
import { findApplication } from "@/lib/applications/find-application";
import { db } from "@/lib/db";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { startTask } from "@/lib/tasks/background-task";

// The API's (and the portal's) ways into background tasks: ids resolved and checked against the
// tenant here, at once (404s are answered before a task exists), the work left to the task.

interface Window {
  since: Date;
  until?: Date | null;
}

const windowParams = (w: Window) => ({ since: w.since.toISOString(), until: w.until?.toISOString() ?? null });

/** `recover`: the endpoint's failed and parked deliveries in the window, sent again. */
export async function startRecover(tenantId: string, appIdOrUid: string, endpointIdOrUid: string, w: Window) {
  const endpoint = await findEndpoint(tenantId, appIdOrUid, endpointIdOrUid);
  return startTask(
    tenantId,
    "endpoint.recover",
    { endpointId: endpoint.id, ...windowParams(w) },
    { recovered: 0 },
  );
}

/** `replay-missing`: messages in the window the endpoint never got, sent to it. */
export async function startReplayMissing(
  tenantId: string,
  appIdOrUid: string,
  endpointIdOrUid: string,
  w: Window,
) {
  const endpoint = await findEndpoint(tenantId, appIdOrUid, endpointIdOrUid);
  return startTask(
    tenantId,
    "endpoint.replay",
    { endpointId: endpoint.id, applicationId: endpoint.applicationId, ...windowParams(w) },
    { replayed: 0 },
  );
}

export interface BulkReplayFilters extends Window {
  eventTypes?: string[] | null;
  channel?: string | null;
  tag?: string | null;
  status?: number | null;
  statusCodeClass?: number | null;
}

/** `bulk-replay`: the endpoint's deliveries in the window that match the filters, sent again. */
export async function startBulkReplay(
  tenantId: string,
  appIdOrUid: string,
  endpointIdOrUid: string,
  f: BulkReplayFilters,
) {
  const endpoint = await findEndpoint(tenantId, appIdOrUid, endpointIdOrUid);
  return startTask(
    tenantId,
    "endpoint.bulk-replay",
    {
      endpointId: endpoint.id,
      ...windowParams(f),
      eventTypes: f.eventTypes?.length ? f.eventTypes : null,
      channel: f.channel ?? null,
      tag: f.tag ?? null,
      status: f.status ?? null,
      statusCodeClass: f.statusCodeClass ?? null,
    },
    { replayed: 0 },
  );
}

/** `expunge-all-contents`: every payload of the application, and its attempts' response bodies. */
export async function startExpungeAllContents(tenantId: string, appIdOrUid: string) {
  const app = await findApplication(tenantId, appIdOrUid);
  return startTask(tenantId, "application.purge_content", { applicationId: app.id }, { expunged: 0 });
}

/**
 * `/stats/usage/app`: per application, messages in the window and their deliveries. Ids or uids
 * that match nothing come back as `unresolvedAppIds`; if none match, a 422 (as Svix).
 */
export async function startAppUsageStats(
  tenantId: string,
  input: { since: Date; until: Date; appIds?: string[] | null },
) {
  if (input.until <= input.since)
    throw new ValidationFailed([{ loc: ["body", "until"], msg: "must be after since", type: "value_error" }]);
  let appIds: string[] | null = null;
  const unresolvedAppIds: string[] = [];
  if (input.appIds?.length) {
    const found = await db.application.findMany({
      where: { tenantId, internal: false, OR: [{ id: { in: input.appIds } }, { uid: { in: input.appIds } }] },
      select: { id: true, uid: true },
    });
    appIds = found.map((a) => a.id);
    for (const ref of input.appIds)
      if (!found.some((a) => a.id === ref || a.uid === ref)) unresolvedAppIds.push(ref);
    if (appIds.length === 0)
      throw new ValidationFailed([
        { loc: ["body", "appIds"], msg: "none of these applications exist", type: "value_error" },
      ]);
  }
  const task = await startTask(
    tenantId,
    "application.stats",
    { since: input.since.toISOString(), until: input.until.toISOString(), appIds },
    { since: input.since.toISOString(), until: input.until.toISOString(), apps: [] },
  );
  return { task, unresolvedAppIds };
}

/** `/stats/usage/event-types`: event types sent in the last 30 days, with counts. */
export function startEventTypeAggregate(tenantId: string) {
  return startTask(tenantId, "event-type.aggregate", {}, {});
}
