/**
 * One value of a page's URL query, as the page can use it: the first of repeated values, trimmed,
 * and undefined when it is absent, too long, or holds characters PostgreSQL cannot compare
 * (U+0000). With `allowed`, only those exact values.
 */
export function searchParam<T extends string>(
  value: string | string[] | undefined,
  allowed?: readonly T[],
): (string extends T ? string : T) | undefined {
  const first = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!first || first.length > 256 || first.includes("\u0000")) return undefined;
  if (allowed && !allowed.includes(first as T)) return undefined;
  return first as string extends T ? string : T;
}
