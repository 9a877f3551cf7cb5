import type { FormState } from "@/lib/portal/form-state";

/** The widget preview's state: the widget path to mount. */
export type PreviewState = FormState<{ url?: string }>;
