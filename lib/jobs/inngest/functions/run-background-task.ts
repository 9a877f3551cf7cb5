import { inngest } from "@/lib/jobs/inngest/client";
import { backgroundTaskRequested } from "@/lib/jobs/inngest/events";
import { runTaskStep } from "@/lib/tasks/run-task-step";

/** Steps one run takes before it hands the rest to a fresh run (Inngest caps steps per run). */
const STEPS_PER_RUN = 200;

/**
 * On `background-task.requested`: the task's steps, each an Inngest step (durable: a crash
 * resumes after the last finished step, and each of our steps is one transaction). One run per
 * task at a time; past STEPS_PER_RUN the run asks for a new one.
 */
export const runBackgroundTask = inngest.createFunction(
  {
    id: "background-task",
    triggers: [backgroundTaskRequested],
    concurrency: { key: "event.data.taskId", limit: 1 },
  },
  async ({ event, step }) => {
    const { taskId } = event.data;
    for (let i = 0; i < STEPS_PER_RUN; i++) {
      const outcome = await step.run(`step-${i}`, () => runTaskStep(taskId));
      if (outcome !== "more") return { outcome, steps: i + 1 };
    }
    await step.sendEvent("continue", backgroundTaskRequested.create({ taskId }));
    return { outcome: "continued", steps: STEPS_PER_RUN };
  },
);
