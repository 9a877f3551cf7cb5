"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/portal/form-state";

/**
 * A form driven by a server action returning FormState: what to show in each field (what was
 * submitted after an error, else the saved values), the errors by field, and a key that remounts
 * the form when a submission comes back (React resets uncontrolled inputs after an action).
 */
export function useForm(
  action: (prev: FormState, form: FormData) => Promise<FormState>,
  initial: Record<string, string> = {},
) {
  const [state, formAction, pending] = useActionState(action, {});
  return {
    state,
    formAction,
    pending,
    values: state.values ?? initial,
    errors: state.fieldErrors ?? {},
    formKey: JSON.stringify(state.values ?? null),
  };
}
