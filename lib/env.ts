import { z } from "zod";
import { DEFAULT_SCHEDULE } from "@/lib/delivery/retry-policy";
import { parseCidrList } from "@/lib/delivery/ssrf-guard";
import { parseDuration, parseDurationList } from "@/lib/duration";

// Every setting Hookline reads, validated once. `.env.example` documents each of them.
const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const duration = z.string().transform((v, ctx) => {
  try {
    return parseDuration(v);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
});
const durationList = z.string().transform((v, ctx) => {
  try {
    const list = parseDurationList(v);
    if (list.length === 0) throw new Error("needs at least one delay");
    return list;
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
});
const cidrList = z.string().transform((v, ctx) => {
  try {
    return parseCidrList(v);
  } catch {
    ctx.addIssue({ code: "custom", message: "must be a comma-separated list of CIDRs such as 10.0.0.0/8" });
    return z.NEVER;
  }
});

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
  // Outgoing mail (smtp:// or smtps://, credentials in the URL). With it, sign-up confirms the
  // email address by a link, and its answer never tells whether an address is registered.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Hookline <hookline@localhost>"),
  // Failed sign-ins per account within the window; past them, sign-in answers 429 until it ends.
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  SIGN_IN_FAILURE_WINDOW: duration.prefault("15m"),
  // … and per client address (several accounts tried from one place), in the same window.
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
  // Sign-up attempts per client address per hour.
  SIGN_UPS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(10),
  // Attempts to accept one invitation, and invitations from one client address, per hour.
  INVITATION_ACCEPTS_PER_INVITATION: z.coerce.number().int().min(1).max(100_000).default(10),
  INVITATION_ACCEPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(30),
  // Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry.
  TRUST_PROXY: bool.default(false),
  // /demo/widget mints widget links for the demo application without signing in: local use only
  // (on by default with the embedded database, off otherwise).
  DEMO_WIDGET: bool.default(false),
  // Seed the demo tenant (login and API key printed at start) on an empty database. Always on with
  // the embedded database; with DATABASE_URL only when set.
  DEMO_SEED: bool.default(false),
  // Point the demo application's endpoint at a demo request inspector, so a message sent right
  // after `npm start` shows up in the portal (on by default with the embedded database).
  DEMO_INSPECTOR: bool.default(false),
  API_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_572_864),
  EMBEDDED_PG_DIR: z.string().min(1).default(".data/postgres"),
  JOBS_DRIVER: z.enum(["graphile", "inngest"]).default("graphile"),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z.string().min(1).optional(),
  INNGEST_BASE_URL: z.string().url().optional(),
  INNGEST_DEV: z.string().optional(),
  INNGEST_ENDPOINT_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(50),
  INNGEST_ENDPOINT_THROTTLE: z.coerce.number().int().min(1).max(10_000).default(100),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100_000).default(2000),
  WORKER_ENDPOINT_CONCURRENCY: z.coerce.number().int().min(1).max(100_000).default(500),
  // `npm run worker` serves /health/live and /health/ready on this port (0: any free port; unset: none).
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  // Logs: JSON lines (default when stdout is not a terminal) or readable lines; pino's levels.
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // OpenTelemetry traces to this OTLP/HTTP collector (e.g. http://otel-collector:4318); unset: off.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_SERVICE_NAME: z.string().optional(),
  // /metrics (Prometheus) answers only with `Authorization: Bearer <METRICS_TOKEN>` when set.
  METRICS_TOKEN: z.string().min(16, "use at least 16 characters").optional(),
  // The queue gauges (due, scheduled, oldest due, disabled endpoints) query PostgreSQL at most this often.
  METRICS_QUERY_INTERVAL: duration.prefault("5s"),
  // On SIGTERM, how long in-flight API requests get to finish before their connections are closed.
  SHUTDOWN_GRACE: duration.prefault("10s"),
  // Messages older than this are deleted with their deliveries and attempts (hourly, in batches);
  // charts keep their hourly rollups.
  MESSAGE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  MESSAGE_MAX_PAYLOAD_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  DELIVERY_RETRY_SCHEDULE: durationList.prefault(DEFAULT_SCHEDULE),
  DELIVERY_RETRY_JITTER: z.coerce.number().min(0).max(1).default(0.2),
  DELIVERY_RETRY_AFTER_MAX: duration.prefault("1h"),
  DELIVERY_ALLOW_CIDRS: cidrList.prefault(""),
  // Send every delivery through this HTTP CONNECT proxy (http:// or https://, credentials in the URL).
  DELIVERY_PROXY_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), "must be an http:// or https:// proxy URL")
    .optional(),
  // Shown to tenants and their customers as "deliveries come from these addresses" (documentation only).
  DELIVERY_EGRESS_IPS: z.string().optional(),
  DELIVERY_REQUIRE_HTTPS: bool.optional(),
  DELIVERY_ORPHAN_GRACE: duration.prefault("30s"),
  DELIVERY_SWEEP_INTERVAL: duration.prefault("15s"),
  // A running background task whose last step is older than this is requested again by the sweep.
  BACKGROUND_TASK_STALE: duration.prefault("60s"),
  ENDPOINT_DISABLE_AFTER: duration.prefault("5d"),
  ENDPOINT_DISABLE_MIN_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Per-tenant limits (422 quota_exceeded past them).
  QUOTA_APPLICATIONS: z.coerce.number().int().min(1).default(10_000),
  QUOTA_ENDPOINTS_PER_APPLICATION: z.coerce.number().int().min(1).default(500),
  QUOTA_EVENT_TYPES: z.coerce.number().int().min(1).default(2_000),
  // Messages a tenant may send per second, all its keys together (429 past it; 0: no limit).
  QUOTA_MESSAGES_PER_SECOND: z.coerce.number().int().min(0).default(2_000),
  // REST API requests per API key per second (429 past it; 0: no limit).
  API_RATE_LIMIT: z.coerce.number().int().min(0).default(5_000),
});

// Inngest needs its keys unless INNGEST_DEV points the SDK at a local dev server.
const checked = schema.superRefine((e, ctx) => {
  if (e.JOBS_DRIVER !== "inngest" || e.INNGEST_DEV) return;
  for (const key of ["INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"] as const)
    if (!e[key])
      ctx.addIssue({ code: "custom", path: [key], message: "is required with JOBS_DRIVER=inngest" });
});

export type Env = z.infer<typeof checked>;

let cached: Env | undefined;

/** Parses the environment; throws one readable line naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const blanksRemoved = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = checked.safeParse(blanksRemoved);
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
