import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { FAST_DELIVERY_ENV } from "./delivery-stack";

const root = path.resolve(import.meta.dirname, "../..");

/** `npm run worker` as a real process (so it can be killed like a crashed machine). */
export function startWorkerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): { child: ChildProcess; ready: Promise<void>; stop(): Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/worker.ts"], {
    cwd: root,
    env: {
      ...process.env,
      ...FAST_DELIVERY_ENV,
      DATABASE_URL: databaseUrl,
      WORKER_CONCURRENCY: "5",
      // `ready` waits for its "Delivering with" line.
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (d) => {
      out += d;
      if (out.includes("Delivering with")) resolve();
    });
    child.stderr?.on("data", (d) => (out += d));
    child.once("exit", (code) => reject(new Error(`worker exited (${code}): ${out}`)));
  });
  ready.catch(() => undefined);
  return {
    child,
    ready,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
