import pino from "pino";

/**
 * The process's logger (pino): JSON lines by default when stdout is not a terminal, readable lines
 * on a terminal (LOG_FORMAT=json|pretty overrides), at LOG_LEVEL (info). What goes in is ids,
 * routes, statuses, durations and outcomes; never payloads, secrets, API keys or header values
 * (the redact list is a second line of defence for fields that should never have been logged).
 * Read from process.env directly: logging must work before and without a valid configuration.
 */
function createLogger() {
  const format = process.env.LOG_FORMAT ?? (process.stdout.isTTY ? "pretty" : "json");
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? "info",
    base: { pid: process.pid },
    redact: {
      paths: [
        "payload",
        "*.payload",
        "secret",
        "*.secret",
        "apiKey",
        "*.apiKey",
        "headers",
        "*.headers",
        "authorization",
      ],
      censor: "[redacted]",
    },
  };
  if (format === "pretty")
    return pino({
      ...options,
      transport: {
        target: "pino-pretty",
        options: { colorize: true, translateTime: "HH:MM:ss", ignore: "pid" },
      },
    });
  // Written asynchronously, in writes of at least 4 KiB, and at least once a second so a quiet
  // process's lines still show promptly: a write per line (even when only the lines logged during a
  // write were grouped) cost ~6 % of the API's CPU under load. pino flushes what is buffered when
  // the process exits; a process killed with SIGKILL loses at most its last second of lines.
  return pino(options, pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 1000 }));
}

const shared = globalThis as unknown as { hooklineLogger?: pino.Logger };

/** The one logger of this process (shared with Next's bundle of this module). */
export function logger(): pino.Logger {
  shared.hooklineLogger ??= createLogger();
  return shared.hooklineLogger;
}
