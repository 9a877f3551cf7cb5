import type { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { type CurrentMember, canManageKeys, currentMember } from "@/lib/auth/current-member";
import { type FormState, formProblem, issuesToFieldErrors } from "@/lib/portal/form-state";

/**
 * Who may run an action: any member of the team, or its owners and admins only (`{ admin: "create
 * API keys" }` says what in the refusal: "Only owners and admins can create API keys.").
 */
export type ActionRole = "member" | "admin" | { admin: string };

async function memberWith(role: ActionRole): Promise<CurrentMember> {
  const member = await currentMember(); // redirects to sign-in without a session
  if (role !== "member" && !canManageKeys(member.role))
    throw new ApiError(
      403,
      "forbidden",
      `Only owners and admins can ${role === "admin" ? "do this" : role.admin}.`,
    );
  return member;
}

/**
 * A portal server action: the signed-in member (checked on the server on every call: hiding a
 * button is not a permission) with at least `role`, then `fn` with the action's own arguments
 * (ids bound by the page, values from the client). A refusal is a 403 ApiError, or what
 * `onError` makes of it (and of any domain error `fn` throws).
 */
export function portalAction<A extends unknown[], R>(
  role: ActionRole,
  fn: (member: CurrentMember, ...args: A) => Promise<R>,
  onError?: (error: unknown) => NoInfer<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(await memberWith(role), ...args);
    } catch (error) {
      if (!onError || isRedirect(error)) throw error;
      return onError(error);
    }
  };
}

/**
 * For `onError`: a domain or validation error as `{ error }` ("field: problem" for the first bad
 * field); anything else still goes to the error page.
 */
export const errorAs =
  (fallback: string) =>
  (error: unknown): { error: string } => {
    const problem = formProblem(error);
    const [field] = Object.entries(problem.fieldErrors ?? {});
    return { error: problem.error ?? (field ? `${field[0]}: ${field[1]}` : fallback) };
  };

/** A form's fields as an object: one string per name, an array for names given more than once. */
export function formFields(form: FormData): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    fields[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return fields;
}

/** The submitted text fields, to show again in a form that has errors (never a password or secret). */
export function typedValues(form: FormData): Record<string, string> {
  return Object.fromEntries(
    Object.entries(formFields(form))
      .filter(([k]) => !/password|secret|token/i.test(k))
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]),
  );
}

/**
 * Runs a form action's body: field problems from `schema`, then `fn`; a domain error comes
 * back as form state with what was typed, anything else goes to the error page. Redirects pass.
 */
export async function runForm<S extends z.ZodType, E extends object>(
  form: FormData,
  schema: S | undefined,
  fn: (input: z.output<S>) => Promise<FormState<E>>,
): Promise<FormState<E>> {
  const values = typedValues(form);
  const parsed = schema
    ? schema.safeParse(formFields(form))
    : { success: true as const, data: formFields(form) };
  if (!parsed.success) return { ...issuesToFieldErrors(parsed.error.issues), values } as FormState<E>;
  try {
    return await fn(parsed.data as z.output<S>);
  } catch (error) {
    if (isRedirect(error)) throw error;
    return { ...formProblem(error), values } as FormState<E>;
  }
}

/**
 * A portal form action (for useActionState, after any ids the page binds): the member with at
 * least `role` (a refusal shows as the form's error), the form parsed with `schema` (problems
 * become field errors), then `fn`, whose domain errors come back as form state with what was
 * typed. `fn` may redirect.
 */
export function portalFormAction<A extends unknown[], S extends z.ZodType, E extends object = object>(
  options: { role: ActionRole; schema?: S },
  fn: (
    ctx: { member: CurrentMember; input: z.output<S>; form: FormData },
    ...args: A
  ) => Promise<FormState<E>>,
): (...args: [...A, FormState<E>, FormData]) => Promise<FormState<E>> {
  return async (...all) => {
    const form = all.at(-1) as FormData;
    const args = all.slice(0, -2) as unknown as A;
    let member: CurrentMember;
    try {
      member = await memberWith(options.role);
    } catch (error) {
      if (isRedirect(error)) throw error;
      return { ...formProblem(error), values: typedValues(form) } as FormState<E>;
    }
    return runForm(form, options.schema, (input) => fn({ member, input, form }, ...args));
  };
}

/** next/navigation's redirect() and notFound() work by throwing; they must pass through. */
export function isRedirect(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR"))
  );
}
