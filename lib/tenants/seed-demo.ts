import { randomBytes } from "node:crypto";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createApplication } from "@/lib/applications/create-application";
import { db } from "@/lib/db";
import { createEventType } from "@/lib/event-types/save-event-type";
import { signUp } from "@/lib/tenants/sign-up";

export const DEMO_EMAIL = "demo@hookline.local";

export interface DemoCredentials {
  email: string;
  password: string;
  apiKey: string;
  applicationId: string;
}

/**
 * On a database with no users yet, creates the demo tenant: an owner login, an API key, one
 * application and one event type. Returns null (and changes nothing) when anyone exists already.
 */
export async function seedDemo(): Promise<DemoCredentials | null> {
  if ((await db.user.count()) > 0) return null;
  const password = randomBytes(9).toString("base64url");
  const { tenantId, userId } = await signUp({
    email: DEMO_EMAIL,
    password,
    name: "Demo",
    tenantName: "Demo SaaS",
  });
  const { key } = await createApiKey({ tenantId, name: "Demo key", createdById: userId });
  const { app } = await createApplication(tenantId, {
    name: "Demo customer",
    uid: "demo-customer",
    metadata: { plan: "demo" },
  });
  await createEventType(tenantId, {
    name: "invoice.paid",
    description: "An invoice was paid in full.",
    schemas: {
      "1": {
        type: "object",
        required: ["invoiceId", "amount", "currency"],
        properties: {
          invoiceId: { type: "string" },
          amount: { type: "integer" },
          currency: { type: "string" },
        },
        examples: [{ invoiceId: "inv_1001", amount: 4200, currency: "EUR" }],
      },
    },
  });
  return { email: DEMO_EMAIL, password, apiKey: key, applicationId: app.id };
}
