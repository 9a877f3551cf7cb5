import type { FormState } from "@/lib/portal/form-state";

/** The create-key form's state: the new key, shown once. */
export type KeyState = FormState<{ key?: string; name?: string }>;
