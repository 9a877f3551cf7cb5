import { db } from "@/lib/db";

/**
 * Where a new tenant stands in its first minute: an application, an endpoint, a message, a
 * delivery that got through. The dashboard's checklist shows until all four are done.
 */
export async function firstSteps(tenantId: string) {
  const customer = { application: { internal: false } };
  const [app, endpoint, message, delivered, eventType] = await Promise.all([
    db.application.findFirst({
      where: { tenantId, internal: false },
      orderBy: { id: "asc" },
      select: { id: true, uid: true, name: true },
    }),
    db.endpoint.findFirst({ where: { tenantId, ...customer }, select: { id: true } }),
    db.message.findFirst({ where: { tenantId, ...customer }, select: { id: true } }),
    db.delivery.findFirst({
      where: { tenantId, status: "succeeded", message: customer },
      select: { id: true },
    }),
    db.eventType.findFirst({
      where: { tenantId, archived: false },
      orderBy: { name: "asc" },
      select: { name: true },
    }),
  ]);
  const steps = {
    application: Boolean(app),
    endpoint: Boolean(endpoint),
    message: Boolean(message),
    delivered: Boolean(delivered),
  };
  return {
    app,
    eventType: eventType?.name ?? "invoice.paid",
    steps,
    done: Object.values(steps).every(Boolean),
  };
}
