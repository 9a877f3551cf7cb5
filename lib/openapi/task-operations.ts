import { z } from "zod";
import type { Operation } from "@/lib/openapi/operation";
import { appUsageStatsIn, backgroundTaskOut, backgroundTaskQuery } from "@/lib/schemas/background-task";
import { bulkExpungeIn, bulkReplayIn, recoverIn } from "@/lib/schemas/message";

// REST API v1: Svix's background tasks (recovery, replays, bulk expunges, usage statistics) and the
// routes that start them. See lib/tasks.
export const taskOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}/recover",
    tag: "Endpoint",
    summary: "Resend failed and parked deliveries since a time (a background task)",
    body: recoverIn,
    response: { status: 202, schema: backgroundTaskOut },
  },
  {
    method: "post",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}/replay-missing",
    tag: "Endpoint",
    summary: "Send the endpoint the messages since a time it never received (a background task)",
    body: recoverIn,
    response: { status: 202, schema: backgroundTaskOut },
  },
  {
    method: "post",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}/bulk-replay",
    tag: "Endpoint",
    summary:
      "Send again the deliveries matching status, status-code class, event types, channel, tag (a background task)",
    body: bulkReplayIn,
    response: { status: 202, schema: backgroundTaskOut },
  },
  {
    method: "post",
    path: "/api/v1/app/{app_id}/msg/expunge-all-contents",
    tag: "Message",
    summary: "Expunge every payload of the application (a background task)",
    response: { status: 202, schema: backgroundTaskOut },
  },
  {
    method: "post",
    path: "/api/v1/app/{app_id}/msg/bulk-expunge",
    tag: "Message",
    summary: "Expunge the payloads of listed messages (ids or eventIds)",
    body: bulkExpungeIn,
    response: {
      status: 200,
      schema: z.object({ results: z.record(z.string(), z.enum(["expunged", "not-found"])) }),
    },
  },
  {
    method: "get",
    path: "/api/v1/background-task",
    tag: "Background Task",
    summary: "List background tasks (?status, ?task)",
    query: backgroundTaskQuery,
    response: { status: 200, schema: backgroundTaskOut, list: true },
  },
  {
    method: "get",
    path: "/api/v1/background-task/{task_id}",
    tag: "Background Task",
    summary: "Get a background task: status, progress and result in data",
    response: { status: 200, schema: backgroundTaskOut },
  },
  {
    method: "post",
    path: "/api/v1/stats/usage/app",
    tag: "Statistics",
    summary: "Per-application usage over a window (a background task)",
    body: appUsageStatsIn,
    response: { status: 202, schema: backgroundTaskOut.extend({ unresolvedAppIds: z.array(z.string()) }) },
  },
  {
    method: "put",
    path: "/api/v1/stats/usage/event-types",
    tag: "Statistics",
    summary: "Event types sent in the last 30 days, with counts (a background task)",
    response: { status: 202, schema: backgroundTaskOut },
  },
];
