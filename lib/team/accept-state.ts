/** The accept-invitation form's state. */
export type AcceptState = {
  ok?: boolean;
  error?: string;
  fieldErrors?: Record<string, string>;
  email?: string;
};
