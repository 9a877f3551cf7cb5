// What a widget token may do, in Svix's capability names. ViewBase is always granted; a
// read-only token has nothing else.
export const CAPABILITIES = [
  "ViewBase",
  "ViewEndpointSecret",
  "ManageEndpointSecret",
  "CreateAttempts",
  "ManageEndpoint",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The capabilities a token gets from an access request: all by default, only ViewBase when read-only. */
export function grantedCapabilities(input: {
  readOnly?: boolean | null;
  capabilities?: string[] | null;
}): Capability[] {
  if (input.readOnly) return ["ViewBase"];
  const asked = input.capabilities?.filter((c): c is Capability =>
    (CAPABILITIES as readonly string[]).includes(c),
  );
  if (!asked) return [...CAPABILITIES];
  return ["ViewBase", ...asked.filter((c) => c !== "ViewBase")];
}
