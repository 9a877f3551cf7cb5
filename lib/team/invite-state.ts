import type { FormState } from "@/lib/portal/form-state";

/** The invite form's state: the link to hand over, once made. */
export type InviteState = FormState<{ url?: string; email?: string }>;
