import { ZodError } from "zod";
import { ApiError, ValidationFailed } from "@/lib/api/errors";
import { sqlState } from "@/lib/db/database-errors";

// PostgreSQL refusing the text itself: U+0000, invalid UTF-8, malformed JSON escapes.
const UNSTORABLE_TEXT = new Set(["22021", "22P05", "22P02"]);

/**
 * What a portal or widget form action returns (useActionState's state); `Extra` is what one
 * form adds (a new key, a task id…).
 */
export type FormState<Extra extends object = object> = {
  error?: string;
  fieldErrors?: Record<string, string>;
  // What was submitted, so a form with errors shows it again (React resets forms after an action).
  values?: Record<string, string>;
  saved?: boolean;
} & Extra;

/**
 * A domain error as form state: field problems by field (zod's or the API's), other client errors
 * as one message.
 * Anything else (a bug, the database down) is rethrown to the error page, never shown raw.
 */
export function formProblem(error: unknown): FormState {
  if (error instanceof ZodError) return issuesToFieldErrors(error.issues);
  if (error instanceof ValidationFailed) {
    return { fieldErrors: Object.fromEntries(error.problems.map((p) => [p.loc.at(-1) ?? "form", p.msg])) };
  }
  if (error instanceof ApiError && error.status < 500) return { error: error.detail };
  if (UNSTORABLE_TEXT.has(sqlState(error) ?? ""))
    return { error: "Some of the text contains characters that cannot be stored (such as U+0000)." };
  throw error;
}

/** zod issues as form field errors (first issue per field). */
export function issuesToFieldErrors(issues: { path: PropertyKey[]; message: string }[]): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const i of issues) fieldErrors[String(i.path[0] ?? "form")] ??= i.message;
  return { fieldErrors };
}
