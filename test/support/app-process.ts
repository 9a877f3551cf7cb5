import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "@/lib/db/embedded";

const root = path.resolve(import.meta.dirname, "../..");

export interface AppProcess {
  url: string;
  output: () => string;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: the machine died. Resolves once the process is gone. */
  kill(): Promise<void>;
}

/**
 * Runs the real app the way `npm start` does (lib/cli/start.ts: migrations, demo seed, a Next
 * production build when needed, the server) against `databaseUrl`, on a free loopback port.
 */
export async function startApp(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
  port?: number,
): Promise<AppProcess> {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child: ChildProcess = spawn(
    // One process (no tsx launcher in front), so a SIGKILL kills the server itself.
    process.execPath,
    ["--import", "tsx", "lib/cli/start.ts"],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: "127.0.0.1",
        APP_URL: url,
        NEXTAUTH_URL: url,
        // Tests sign in as the demo owner; production databases get no demo unless asked.
        DEMO_SEED: "true",
        // The tests read its progress lines (and the structured-log test its request lines).
        LOG_LEVEL: "info",
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes("Hookline is running")) {
        clearInterval(timer);
        resolve();
      }
    }, 200);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`The app exited with ${code} before it was ready:\n${output}`));
    });
  });
  const signal = (name: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(name);
    });
  return { url, output: () => output, stop: () => signal("SIGTERM"), kill: () => signal("SIGKILL") };
}
