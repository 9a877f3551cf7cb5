/** The `index`th example of an event type's newest schema version, or null when it has none. */
export function eventTypeExample(schemas: unknown, index = 0): Record<string, unknown> | null {
  if (!schemas || typeof schemas !== "object") return null;
  const versions = Object.keys(schemas).sort((a, b) => Number(b) - Number(a));
  const newest = versions[0] ? (schemas as Record<string, { examples?: unknown[] }>)[versions[0]] : undefined;
  const example = newest?.examples?.[index];
  return example && typeof example === "object" && !Array.isArray(example)
    ? (example as Record<string, unknown>)
    : null;
}
