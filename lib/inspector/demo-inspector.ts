import { db } from "@/lib/db";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { createInspector, inspectorUrl } from "@/lib/inspector/inspectors";

const NAME = "Demo inspector";
const ENDPOINT_UID = "demo-inspector";
const LIFETIME_SECONDS = 7 * 86_400;

/**
 * The demo's loop in one minute: the demo application has an endpoint delivering to a demo
 * inspector, so a message sent with the printed curl shows up, signed, in the portal. At every
 * start the inspector's life is renewed (7 days; it keeps what it recorded) and the endpoint's URL
 * follows APP_URL. An endpoint the user deleted is made again. Returns the inspector's id.
 */
export async function ensureDemoInspector(applicationId: string, now = new Date()): Promise<string | null> {
  const app = await db.application.findUnique({ where: { id: applicationId }, select: { tenantId: true } });
  if (!app) return null;
  const expiresAt = new Date(now.getTime() + LIFETIME_SECONDS * 1000);
  const existing = await db.inspector.findFirst({
    where: { tenantId: app.tenantId, name: NAME, expiresAt: { gt: now } },
    orderBy: { id: "desc" },
    select: { id: true, token: true },
  });
  const inspector = existing
    ? await db.inspector.update({
        where: { id: existing.id },
        data: { expiresAt },
        select: { id: true, token: true },
      })
    : await createInspector(app.tenantId, { name: NAME, expiresInSeconds: LIFETIME_SECONDS }, now);
  const url = inspectorUrl(inspector.token);
  const endpoint = await db.endpoint.findFirst({
    where: { applicationId, uid: ENDPOINT_UID },
    select: { id: true, url: true },
  });
  if (!endpoint)
    await createEndpoint(app.tenantId, applicationId, {
      url,
      uid: ENDPOINT_UID,
      description: "Delivers to the demo request inspector (see Inspector in the portal)",
    });
  else if (endpoint.url !== url) await db.endpoint.update({ where: { id: endpoint.id }, data: { url } });
  return inspector.id;
}
