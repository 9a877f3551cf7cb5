// What a widget token may do, in Svix's capability names. ViewBase is always granted; a
// read-only token has nothing else.
export const CAPABILITIES = [
  "ViewBase",
  "ViewEndpointSecret",
  "ManageEndpointSecret",
  "CreateAttempts",
  "ManageEndpoint",
  // Editing the endpoint's transformation (code that runs on every delivery): only when asked for.
  "ManageTransformations",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/**
 * The capabilities a token gets from an access request: all but ManageTransformations by default
 * (letting a tenant's customers run code is the tenant's explicit choice), only ViewBase when
 * read-only.
 */
export function grantedCapabilities(input: {
  readOnly?: boolean | null;
  capabilities?: string[] | null;
}): Capability[] {
  if (input.readOnly) return ["ViewBase"];
  const asked = input.capabilities?.filter((c): c is Capability =>
    (CAPABILITIES as readonly string[]).includes(c),
  );
  if (!asked) return CAPABILITIES.filter((c) => c !== "ManageTransformations");
  return ["ViewBase", ...asked.filter((c) => c !== "ViewBase")];
}
