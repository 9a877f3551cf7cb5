import path from "node:path";
import { defineConfig } from "vitest/config";

// Timing-sensitive tests (a rate measured at a receiver) run in a group of their own after the
// rest, so the other test files do not compete with them for the machine's two cores.
const TIMING = ["test/delivery/rate-limit.test.ts"];

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/support/setup-file.ts"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "main",
          include: ["test/**/*.test.ts"],
          exclude: [...TIMING, "test/e2e/**", "**/node_modules/**"],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Browser tests each start the real app; one at a time, so only the first builds it.
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          fileParallelism: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: "timing", include: TIMING, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
