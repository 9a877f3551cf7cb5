import type { z } from "zod";
import { isRedirect, runForm, typedValues } from "@/lib/actions/portal-action";
import { type FormState, formProblem } from "@/lib/portal/form-state";
import type { Capability } from "@/lib/widget/capabilities";
import { requireWidgetAccess, type WidgetAccess } from "@/lib/widget/widget-access";

/**
 * A widget server action. The token (bound first by the page) is the only credential: it is
 * checked on every call, with the capability the action needs, and `fn` works inside the
 * token's application only. An expired token or a missing capability is an ApiError (401/403),
 * or what `onError` makes of it (and of any domain error `fn` throws).
 */
export function widgetAction<A extends unknown[], R>(
  capability: Capability,
  fn: (access: WidgetAccess, ...args: A) => Promise<R>,
  onError?: (error: unknown) => NoInfer<R>,
): (token: string, ...args: A) => Promise<R> {
  return async (token: string, ...args: A) => {
    try {
      return await fn(await requireWidgetAccess(token, capability), ...args);
    } catch (error) {
      if (!onError || isRedirect(error)) throw error;
      return onError(error);
    }
  };
}

/**
 * A widget form action (for useActionState, after the token and any ids the page binds): the
 * token with `capability` (a refusal shows as the form's error), the form parsed with `schema`,
 * then `fn`, whose domain errors come back as form state. `fn` may redirect.
 */
export function widgetFormAction<A extends unknown[], S extends z.ZodType, E extends object = object>(
  options: { capability: Capability; schema?: S },
  fn: (
    ctx: { access: WidgetAccess; input: z.output<S>; form: FormData },
    ...args: A
  ) => Promise<FormState<E>>,
): (token: string, ...args: [...A, FormState<E>, FormData]) => Promise<FormState<E>> {
  return async (token, ...all) => {
    const form = all.at(-1) as FormData;
    const args = all.slice(0, -2) as unknown as A;
    let access: WidgetAccess;
    try {
      access = await requireWidgetAccess(token, options.capability);
    } catch (error) {
      return { ...formProblem(error), values: typedValues(form) } as FormState<E>;
    }
    return runForm(form, options.schema, (input) => fn({ access, input, form }, ...args));
  };
}
