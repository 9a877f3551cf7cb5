import { z } from "zod";

// Every setting Hookline reads, validated once. `.env.example` documents each of them.
const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  APP_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (npm start generates one)"),
  SECRETS_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded"),
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  SIGNUP_ENABLED: bool.default(true),
  API_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_572_864),
  EMBEDDED_PG_DIR: z.string().min(1).default(".data/postgres"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Parses the environment; throws one readable line naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const blanksRemoved = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = schema.safeParse(blanksRemoved);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return result.data;
}

/** The validated environment, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** For tests and the start script after they change process.env. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function appUrl(): string {
  const e = env();
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}
