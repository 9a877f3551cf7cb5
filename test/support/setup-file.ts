import { randomBytes } from "node:crypto";

// Settings every test process needs; the database is chosen per file by test/support/database.ts.
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("hex");
process.env.SECRETS_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
