import { parse as parseYaml } from "yaml";
import { ApiError, ValidationFailed, type ValidationProblem } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { eventTypeName } from "@/lib/schemas/common";
import { SCHEMAS_MAX_BYTES } from "@/lib/schemas/event-type";
import { assertQuota } from "@/lib/tenants/quotas";

// Svix's `event-type/import/openapi`: the webhooks of an OpenAPI document (`webhooks`, or 3.0's
// `x-webhooks`) become event types: the name is the webhook's key, the description its
// operation's, the schema its JSON request body's (local `$ref`s inlined), with the body's example
// kept as the schema's example; Svix's `x-svix-group-name` and `x-svix-feature-flags` are read.

export const IMPORT_MAX_WEBHOOKS = 1000;
const REF_DEPTH = 32;

export interface ImportedEventType {
  name: string;
  description: string;
  schemas: Record<string, unknown> | null;
  deprecated: boolean;
  groupName: string | null;
  featureFlags: string[] | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The spec from `spec` (an object) or `specRaw` (YAML or JSON text); neither or both is a 400. */
function specFrom(input: { spec?: Json | null; specRaw?: string | null }): Json {
  if ((input.spec == null) === (input.specRaw == null))
    throw new ApiError(400, "bad_request", "Give the OpenAPI document as exactly one of `spec` or `specRaw`");
  if (input.spec) return input.spec;
  let parsed: unknown;
  try {
    // YAML is a superset of JSON; aliases are bounded so a small document cannot expand without end.
    parsed = parseYaml(input.specRaw!, { maxAliasCount: 100 });
  } catch (error) {
    throw new ApiError(
      400,
      "bad_request",
      `specRaw is neither YAML nor JSON: ${(error as Error).message.split("\n")[0]}`,
    );
  }
  if (!isObject(parsed))
    throw new ApiError(400, "bad_request", "specRaw must hold an OpenAPI document (an object)");
  return parsed;
}

/** Inlines local `#/…` references (cycles and external references are refused). */
function inline(value: unknown, root: Json, seen: string[], where: string): unknown {
  if (Array.isArray(value)) return value.map((v) => inline(v, root, seen, where));
  if (!isObject(value)) return value;
  if (typeof value.$ref === "string") {
    const ref = value.$ref;
    if (!ref.startsWith("#/")) throw problem(where, `only local references are supported, not ${ref}`);
    if (seen.includes(ref) || seen.length >= REF_DEPTH) throw problem(where, `${ref} refers to itself`);
    let target: unknown = root;
    for (const part of ref
      .slice(2)
      .split("/")
      .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~")))
      target = isObject(target) ? target[part] : undefined;
    if (target === undefined) throw problem(where, `${ref} does not exist in the document`);
    return inline(target, root, [...seen, ref], where);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inline(v, root, seen, where)]));
}

const problem = (name: string, msg: string) =>
  new ValidationFailed([{ loc: ["body", "spec", "webhooks", name], msg, type: "value_error" }]);

/** The event types an OpenAPI document describes. */
export function eventTypesFromOpenApi(input: {
  spec?: Json | null;
  specRaw?: string | null;
}): ImportedEventType[] {
  const spec = specFrom(input);
  const webhooks = spec.webhooks ?? spec["x-webhooks"];
  if (!isObject(webhooks))
    throw new ValidationFailed([
      { loc: ["body", "spec"], msg: "has no `webhooks` (or `x-webhooks`) section", type: "value_error" },
    ]);
  const entries = Object.entries(webhooks);
  if (entries.length > IMPORT_MAX_WEBHOOKS)
    throw new ValidationFailed([
      {
        loc: ["body", "spec", "webhooks"],
        msg: `at most ${IMPORT_MAX_WEBHOOKS} webhooks per import`,
        type: "value_error",
      },
    ]);
  const problems: ValidationProblem[] = [];
  const types: ImportedEventType[] = [];
  for (const [name, item] of entries) {
    if (!eventTypeName.safeParse(name).success) {
      problems.push({
        loc: ["body", "spec", "webhooks", name],
        msg: "is not a valid event type name",
        type: "value_error",
      });
      continue;
    }
    const pathItem = isObject(item) ? item : {};
    const operation = (["post", "put", "patch"].map((m) => pathItem[m]).find(isObject) ?? {}) as Json;
    const media = isObject(operation.requestBody)
      ? (operation.requestBody.content as Json | undefined)
      : undefined;
    const body = isObject(media) ? (media["application/json"] as Json | undefined) : undefined;
    let schema: Json | null = null;
    try {
      if (isObject(body) && isObject(body.schema)) {
        schema = inline(body.schema, spec, [], name) as Json;
        const example =
          body.example ??
          (isObject(body.examples)
            ? Object.values(body.examples).map((e) => (isObject(e) ? e.value : e))[0]
            : undefined);
        if (example !== undefined && schema.examples === undefined)
          schema = { ...schema, examples: [example] };
      }
    } catch (error) {
      if (error instanceof ValidationFailed) problems.push(...error.problems);
      else throw error;
      continue;
    }
    const schemas = schema ? { "1": schema } : null;
    if (schemas && Buffer.byteLength(JSON.stringify(schemas)) > SCHEMAS_MAX_BYTES) {
      problems.push({
        loc: ["body", "spec", "webhooks", name],
        msg: `schema is over ${SCHEMAS_MAX_BYTES / 1024} KiB`,
        type: "value_error",
      });
      continue;
    }
    const flags =
      operation["x-svix-feature-flags"] ??
      (operation["x-svix-feature-flag"] ? [operation["x-svix-feature-flag"]] : null);
    types.push({
      name,
      description: String(
        operation.description ?? operation.summary ?? pathItem.description ?? pathItem.summary ?? "",
      ).slice(0, 4096),
      schemas,
      deprecated: operation.deprecated === true,
      groupName:
        typeof operation["x-svix-group-name"] === "string"
          ? (operation["x-svix-group-name"] as string).slice(0, 256)
          : null,
      featureFlags: Array.isArray(flags)
        ? flags.filter((f): f is string => typeof f === "string").slice(0, 25)
        : null,
    });
  }
  if (problems.length > 0) throw new ValidationFailed(problems);
  return types;
}

/**
 * Creates the document's event types, updates (and unarchives) those that exist; with
 * `replaceAll`, archives the tenant's others. With `dryRun`, changes nothing and says what would
 * change (`to_modify`). One transaction.
 */
export async function importOpenApi(
  tenantId: string,
  input: { spec?: Json | null; specRaw?: string | null; replaceAll?: boolean; dryRun?: boolean },
) {
  const types = eventTypesFromOpenApi(input);
  if (input.dryRun) return { data: { modified: [], to_modify: types } };
  const existing = new Set(
    (
      await db.eventType.findMany({
        where: { tenantId, name: { in: types.map((t) => t.name) } },
        select: { name: true },
      })
    ).map((e) => e.name),
  );
  const fresh = types.filter((t) => !existing.has(t.name)).length;
  if (fresh > 0) await assertQuota("eventTypes", { tenantId, adding: fresh });
  await db.$transaction(async (tx) => {
    for (const t of types) {
      const fields = {
        description: t.description,
        schemas: t.schemas === null ? Prisma.DbNull : (t.schemas as Prisma.InputJsonValue),
        deprecated: t.deprecated,
        groupName: t.groupName,
        featureFlags: t.featureFlags ?? [],
        archived: false,
      };
      await tx.eventType.upsert({
        where: { tenantId_name: { tenantId, name: t.name } },
        create: { id: newId("et"), tenantId, name: t.name, ...fields },
        update: fields,
        select: { id: true },
      });
    }
    if (input.replaceAll)
      await tx.eventType.updateMany({
        where: { tenantId, name: { notIn: types.map((t) => t.name) }, archived: false },
        data: { archived: true },
      });
  });
  return { data: { modified: types.map((t) => t.name) } };
}
