import { Alert } from "@/components/ui/alert";

/** A form's overall outcome: its error, or "Saved." after a successful save. */
export function FormStatus({ state }: { state: { error?: string; saved?: boolean } }) {
  if (state.error) return <Alert tone="error">{state.error}</Alert>;
  if (state.saved) return <Alert tone="success">Saved.</Alert>;
  return null;
}
