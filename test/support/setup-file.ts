import { randomBytes } from "node:crypto";

// Settings every test process needs; the database is chosen per file by test/support/database.ts.
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("hex");
process.env.SECRETS_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
// Anything the Inngest client might send goes to a closed loopback port, never off this machine.
process.env.INNGEST_BASE_URL ??= "http://127.0.0.1:9";
process.env.INNGEST_EVENT_KEY ??= "test-event-key";
process.env.INNGEST_SIGNING_KEY ??= "signkey-test-00000000000000000000000000000000";
// In-process engines log failed attempts at info: tests cause thousands on purpose. Processes the
// tests start (the app, workers) log at info again (test/support/app-process.ts, worker-process.ts).
process.env.LOG_LEVEL ??= "warn";
