import { Ajv, type KeywordDefinition } from "ajv";
import { RE2JS } from "re2js";
import { MAX_JSON_DEPTH, storableJsonProblem } from "@/lib/api/storable-json";
import { SCHEMAS_MAX_BYTES } from "@/lib/schemas/event-type";

/** A schema (the API's bound on `schemas`) or an example larger than this, as JSON text, is refused unparsed. */
export const SCHEMA_MAX_BYTES = SCHEMAS_MAX_BYTES;
export const EXAMPLE_MAX_BYTES = 64 * 1024;

/**
 * `pattern` and `patternProperties` through RE2 (re2js): linear time in the input whatever the
 * pattern, so `^(a+)+$` against a long string cannot hold the event loop that also serves the API
 * and runs deliveries. RE2 has no backreferences or lookaround: such a schema is refused as invalid.
 */
const linearRegExp = Object.assign(
  (pattern: string, flags: string) => {
    const re = RE2JS.compile(pattern, flags.includes("i") ? RE2JS.CASE_INSENSITIVE : 0);
    return { test: (text: string) => re.matcher(text).find() };
  },
  { code: "re2js" },
);

/**
 * Ajv's own `uniqueItems` compares objects pairwise (quadratic: 60,000 objects took the process
 * for minutes). Here each item becomes one canonical JSON string (keys sorted), so equal JSON
 * values are equal strings, and a Set finds a repeat in one pass.
 */
const linearUniqueItems: KeywordDefinition = {
  keyword: "uniqueItems",
  type: "array",
  schemaType: "boolean",
  errors: false,
  validate: (unique: boolean, data: unknown[]) => {
    if (!unique) return true;
    const seen = new Set<string>();
    for (const item of data) {
      const key = canonicalJson(item);
      if (seen.has(key)) return false;
      seen.add(key);
    }
    return true;
  },
};

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * One Ajv per check: a schema's `$id` registered for one tenant can neither collide with nor be
 * `$ref`-ed by another's, and nothing compiled is kept after the check.
 */
function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, code: { regExp: linearRegExp } });
  ajv.removeKeyword("uniqueItems");
  ajv.addKeyword(linearUniqueItems);
  return ajv;
}

/**
 * Parses the portal's schema and example fields (JSON text) and checks the example against the
 * schema. Returns the `schemas` value to store ({"1": schema with the example in `examples`}) or
 * the problems, keyed by field. Sizes are bounded, nesting too (MAX_JSON_DEPTH), regular
 * expressions run in linear time and uniqueness in one pass: no input can hold the process.
 */
export function checkExample(
  schemaText: string,
  exampleText: string,
): { schemas: Record<string, Record<string, unknown>> | null } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const parse = (text: string, field: string, maxBytes: number) => {
    if (!text.trim()) return undefined;
    if (Buffer.byteLength(text) > maxBytes) {
      errors[field] = `Too large: at most ${maxBytes / 1024} KiB`;
      return undefined;
    }
    try {
      const value = JSON.parse(text);
      if (typeof value !== "object" || value === null || Array.isArray(value))
        errors[field] = "Must be a JSON object";
      else if (storableJsonProblem(value, [field]))
        errors[field] = `Nested deeper than ${MAX_JSON_DEPTH} levels, or holds text that cannot be stored`;
      return value as Record<string, unknown>;
    } catch {
      errors[field] = "Not valid JSON";
      return undefined;
    }
  };
  const schema = parse(schemaText, "schema", SCHEMA_MAX_BYTES);
  const example = parse(exampleText, "example", EXAMPLE_MAX_BYTES);
  if (Object.keys(errors).length) return { errors };
  if (!schema) return example ? { schemas: { "1": { examples: [example] } } } : { schemas: null };
  const ajv = newAjv();
  let validate: ReturnType<typeof ajv.compile>;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    return { errors: { schema: `Not a valid JSON Schema: ${(error as Error).message}` } };
  }
  if (example && !validate(example)) {
    return { errors: { example: `Does not match the schema: ${ajv.errorsText(validate.errors)}` } };
  }
  return { schemas: { "1": { ...schema, ...(example ? { examples: [example] } : {}) } } };
}
