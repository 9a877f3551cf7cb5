import { Inngest } from "inngest";

// The Inngest client. It reads INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY and INNGEST_BASE_URL (for
// self-hosted Inngest) from the environment, which lib/env.ts validates at start-up (both keys are
// required with JOBS_DRIVER=inngest unless INNGEST_DEV points at a local dev server).
export const inngest = new Inngest({ id: "hookline" });
