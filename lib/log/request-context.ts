import { AsyncLocalStorage } from "node:async_hooks";

/** What one HTTP request's log line carries, filled in as the request goes (tenant once known). */
export interface RequestContext {
  requestId: string;
  tenantId?: string;
}

const shared = globalThis as unknown as { hooklineRequests?: AsyncLocalStorage<RequestContext> };
// One store per process, shared by our HTTP server and Next's bundle of this module.
shared.hooklineRequests ??= new AsyncLocalStorage<RequestContext>();
const storage = shared.hooklineRequests;

/** Runs `fn` with `context` as the current request's. */
export function withRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The current request's context, if any (undefined in workers and scripts). */
export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}
