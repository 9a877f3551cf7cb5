import { createApiKey } from "@/lib/api-keys/create-api-key";
import { signUp } from "@/lib/tenants/sign-up";

let counter = 0;

/** A new tenant with an owner and a live API key. */
export async function createTestTenant(label = "t") {
  counter += 1;
  const email = `${label}-${counter}-${Date.now()}@example.test`;
  const { tenantId, userId } = await signUp({ email, password: "correct horse battery", name: label });
  const { key } = await createApiKey({ tenantId, name: "test", createdById: userId });
  return { tenantId, userId, email, apiKey: key };
}
