/**
 * The connection URL with every session's TimeZone pinned to UTC (`options=-c TimeZone=UTC`,
 * merged with any `options` already there). Prisma's pg adapter sends DateTime parameters as UTC
 * wall-clock text without an offset and reads timestamptz by dropping the offset, so both are only
 * right in a UTC session; pinning it makes Hookline independent of the server's default TimeZone.
 */
export function utcSession(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const options = url.searchParams.get("options") ?? "";
  if (/(^|\s)-c\s*timezone=/i.test(options)) return databaseUrl;
  url.searchParams.set("options", `${options} -c TimeZone=UTC`.trim());
  return url.toString();
}
