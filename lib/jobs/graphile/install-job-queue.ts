import { Logger, runMigrations } from "graphile-worker";

/** Creates or upgrades graphile-worker's schema, so the API can enqueue before any worker runs. */
export async function installJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: new Logger(() => () => {}) });
}
