import { Worker } from "node:worker_threads";

// Svix-compatible payload transformations: the endpoint's `function handler(webhook) { … }` runs
// per delivery, before signing, in QuickJS compiled to WebAssembly (quickjs-emscripten): a real
// sandbox with no host access at all (no process, require, fetch, timers or file system exist in
// it), a fresh runtime per run, a CPU deadline (interrupt handler), a memory limit and a stack
// limit. Scripts run in a small pool of worker threads, never on the event loop that serves the
// API and drives deliveries; one that still holds its thread past WALL_MS (QuickJS checks the
// deadline only between operations, and a heap near its limit can spend seconds collecting) has its
// thread terminated and replaced. A script that throws, loops, runs out of memory or returns
// something unusable is an error the caller records as a failed attempt.

export const TRANSFORMATION_CPU_MS = 100;
export const TRANSFORMATION_MEMORY_BYTES = 16 * 1024 * 1024;
const STACK_BYTES = 512 * 1024;
const OUTPUT_MAX_BYTES = 5 * 1024 * 1024;

export interface WebhookIn {
  eventType: string;
  /** The payload as the script sees it: parsed JSON, or the raw text for a raw payload. */
  payload: unknown;
  url: string;
  method: "POST" | "PUT";
  headers: Record<string, string>;
  cancel: boolean;
}

export interface TransformResult {
  cancel: boolean;
  /** The body to send: JSON text of the payload (a string payload is sent as is). */
  body: string;
  url: string;
  method: "POST" | "PUT";
  headers: Record<string, string>;
}

export class TransformationError extends Error {}

/** A run that still holds its thread after this long is stopped by terminating the thread. */
export const TRANSFORMATION_WALL_MS = 1000;
/** Worker threads running transformations in this process. */
const POOL_SIZE = 2;
/** Runs waiting for a thread at most; past it, a run fails at once rather than queue without end. */
const QUEUE_MAX = 10_000;

interface Job {
  code: string;
  webhook: WebhookIn;
  variables: Record<string, string>;
  resolve: (text: string) => void;
  reject: (error: Error) => void;
}
interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

const slots: Slot[] = [];
const queue: Job[] = [];
let nextId = 0;

function spawn(): Slot {
  const worker = new Worker(new URL("./sandbox-worker.mjs", import.meta.url));
  // A transformation must never keep the process alive on its own.
  worker.unref();
  const ready = new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
  });
  ready.catch(() => undefined);
  return { worker, ready, busy: false };
}

function slot(): Slot | undefined {
  while (slots.length < POOL_SIZE) slots.push(spawn());
  return slots.find((s) => !s.busy);
}

function pump(): void {
  for (;;) {
    const free = queue.length > 0 ? slot() : undefined;
    if (!free) return;
    run(free, queue.shift()!);
  }
}

function run(s: Slot, job: Job): void {
  s.busy = true;
  const id = ++nextId;
  let timer: NodeJS.Timeout | undefined;
  const done = (settle: () => void) => {
    clearTimeout(timer);
    s.worker.off("message", onMessage);
    s.worker.off("error", onError);
    settle();
    s.busy = false;
    pump();
  };
  const onMessage = (m: {
    id?: number;
    text?: string;
    error?: { name?: string; message?: string } | string;
  }) => {
    if (m.id !== id) return;
    done(() =>
      m.error !== undefined ? job.reject(new TransformationError(describe(m.error))) : job.resolve(m.text!),
    );
  };
  const onError = (error: Error) => {
    replace(s);
    done(() => job.reject(new TransformationError(`the sandbox failed: ${error.message}`)));
  };
  s.worker.on("message", onMessage);
  s.worker.on("error", onError);
  timer = setTimeout(() => {
    replace(s);
    done(() =>
      job.reject(new TransformationError(`the transformation ran over its ${TRANSFORMATION_CPU_MS} ms`)),
    );
  }, TRANSFORMATION_WALL_MS);
  void s.ready.then(
    () =>
      s.worker.postMessage({
        id,
        code: job.code,
        webhook: job.webhook,
        variables: job.variables,
        cpuMs: TRANSFORMATION_CPU_MS,
        memoryBytes: TRANSFORMATION_MEMORY_BYTES,
        stackBytes: STACK_BYTES,
      }),
    (error: Error) => onError(error),
  );
}

/** Terminates a slot's thread (stuck, or broken) and puts a fresh one in its place. */
function replace(s: Slot): void {
  void s.worker.terminate();
  const fresh = spawn();
  s.worker = fresh.worker;
  s.ready = fresh.ready;
}

/** Starts the sandbox threads ahead of the first delivery that needs them. */
export function loadTransformer(): Promise<void> {
  slot();
  return Promise.all(slots.map((s) => s.ready)).then(() => undefined);
}

/** Runs `code`'s `handler` on `webhook` (with `variables`), or throws TransformationError. */
export async function runTransformation(
  code: string,
  webhook: WebhookIn,
  variables: Record<string, string> = {},
): Promise<TransformResult> {
  // Not the script's fault: a plain error, so the attempt is retried (kind `internal`).
  if (queue.length >= QUEUE_MAX) throw new Error("too many transformations are waiting for the sandbox");
  const text = await new Promise<string>((resolve, reject) => {
    queue.push({ code, webhook, variables, resolve, reject });
    pump();
  });
  if (text.length > OUTPUT_MAX_BYTES)
    throw new TransformationError("the transformation's output is over 5 MiB");
  return check(JSON.parse(text), webhook);
}

function describe(error: { name?: string; message?: string } | string): string {
  if (typeof error === "string") return `the transformation threw: ${error.slice(0, 300)}`;
  if (error.name === "InternalError" && error.message === "interrupted")
    return `the transformation ran over its ${TRANSFORMATION_CPU_MS} ms`;
  if (error.message === "out of memory")
    return `the transformation ran over its ${TRANSFORMATION_MEMORY_BYTES / 1024 / 1024} MiB of memory`;
  return `the transformation threw ${error.name ?? "an error"}: ${String(error.message ?? "").slice(0, 300)}`;
}

/** The script's answer, held to what can be sent. */
function check(out: unknown, input: WebhookIn): TransformResult {
  if (typeof out !== "object" || out === null || Array.isArray(out))
    throw new TransformationError("handler(webhook) must return the webhook object");
  const o = out as Record<string, unknown>;
  if (o.cancel === true) return { cancel: true, body: "", url: input.url, method: input.method, headers: {} };
  const method = o.method ?? input.method;
  if (method !== "POST" && method !== "PUT")
    throw new TransformationError("webhook.method must be POST or PUT");
  const url = o.url ?? input.url;
  if (typeof url !== "string" || !/^https?:\/\//i.test(url))
    throw new TransformationError("webhook.url must be an http:// or https:// URL");
  const headers = o.headers ?? {};
  if (typeof headers !== "object" || headers === null || Array.isArray(headers))
    throw new TransformationError("webhook.headers must be an object of strings");
  for (const value of Object.values(headers))
    if (typeof value !== "string")
      throw new TransformationError("webhook.headers must be an object of strings");
  const payload = o.payload;
  return {
    cancel: false,
    body: typeof payload === "string" ? payload : JSON.stringify(payload ?? null),
    url,
    method,
    headers: headers as Record<string, string>,
  };
}
