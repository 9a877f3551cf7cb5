import { Ajv } from "ajv";

const ajv = new Ajv({ allErrors: true, strict: false });

/**
 * Parses the portal's schema and example fields (JSON text) and checks the example against the
 * schema. Returns the `schemas` value to store ({"1": schema with the example in `examples`}) or
 * the problems, keyed by field.
 */
export function checkExample(
  schemaText: string,
  exampleText: string,
): { schemas: Record<string, Record<string, unknown>> | null } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const parse = (text: string, field: string) => {
    if (!text.trim()) return undefined;
    try {
      const value = JSON.parse(text);
      if (typeof value !== "object" || value === null || Array.isArray(value))
        errors[field] = "Must be a JSON object";
      return value as Record<string, unknown>;
    } catch {
      errors[field] = "Not valid JSON";
      return undefined;
    }
  };
  const schema = parse(schemaText, "schema");
  const example = parse(exampleText, "example");
  if (Object.keys(errors).length) return { errors };
  if (!schema) return example ? { schemas: { "1": { examples: [example] } } } : { schemas: null };
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
