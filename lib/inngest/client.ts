import { Inngest } from "inngest";

// The Inngest client. It reads INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY and INNGEST_BASE_URL (for
// self-hosted Inngest) from the environment; INNGEST_DEV=1 points it at a local dev server.
export const inngest = new Inngest({ id: "hookline" });
