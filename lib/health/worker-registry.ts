export type WorkerState = "starting" | "running" | "restarting" | "stopped" | "failed";

export interface WorkerStatus {
  name: string;
  state: WorkerState;
  /** When it entered this state. */
  since: Date;
  /** How many times it was restarted after its job runner stopped on its own. */
  restarts: number;
  lastError: string | null;
}

// The workers running in this process. On globalThis because Next bundles its own copy of lib/
// modules: the health route must see the worker that lib/cli/start.ts started.
const shared = globalThis as unknown as { hooklineWorkers?: Map<string, () => WorkerStatus> };
shared.hooklineWorkers ??= new Map();
const workers = shared.hooklineWorkers;

/** Makes a worker's status visible to the readiness check; returns the function that removes it. */
export function registerWorker(name: string, status: () => WorkerStatus): () => void {
  workers.set(name, status);
  return () => {
    if (workers.get(name) === status) workers.delete(name);
  };
}

/** The status of every worker running in this process. */
export function localWorkers(): WorkerStatus[] {
  return [...workers.values()].map((status) => status());
}
