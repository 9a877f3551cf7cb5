/** The sign-up form's state. */
export type SignUpState = {
  ok: boolean;
  error?: string;
  fieldErrors?: Record<string, string>;
  // What was submitted (never the password), shown again after an error.
  values?: Record<string, string>;
  /** Sign-up waits for the emailed link (SMTP_URL set): the address it went to. */
  checkInbox?: string;
};
