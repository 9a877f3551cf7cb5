import type { Browser } from "playwright-core";
import { type AppProcess, startApp } from "./app-process";
import { launchBrowser } from "./browser";
import { freshDatabase } from "./database";

/**
 * The real app on a fresh database, delivering to loopback receivers (as on the embedded
 * default) with two quick attempts, so a failing delivery reaches the dead-letter queue within a
 * test; and a browser. For the portal's delivery journeys (`extraEnv` adds or overrides settings).
 */
export async function startDeliveringApp(
  extraEnv: Record<string, string> = {},
): Promise<{ app: AppProcess; browser: Browser }> {
  const app = await startApp(await freshDatabase(), {
    DELIVERY_ALLOW_CIDRS: "127.0.0.0/8",
    DELIVERY_REQUIRE_HTTPS: "false",
    DELIVERY_RETRY_SCHEDULE: "0,200ms",
    DELIVERY_RETRY_JITTER: "0",
    ...extraEnv,
  });
  return { app, browser: await launchBrowser() };
}
