import { z } from "zod";
import type { Operation } from "@/lib/openapi/operation";
import {
  inspectorIn,
  inspectorOut,
  inspectorPatch,
  inspectorRequestOut,
  inspectorRequestQuery,
} from "@/lib/schemas/inspector";
import { relayIn, relayOut } from "@/lib/schemas/relay";

// Hookline extensions for developers of receivers: request inspectors, a URL (<APP_URL>/in/<token>)
// that records what it is sent, and the relays `npm run listen` forwards through.
export const devToolOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/inspector",
    tag: "Inspector",
    summary: "List the live request inspectors, newest first",
    response: { status: 200, schema: z.object({ data: z.array(inspectorOut) }) },
  },
  {
    method: "post",
    path: "/api/v1/inspector",
    tag: "Inspector",
    summary:
      "Create a request inspector: a URL that records any request (24 h by default, 1,000 requests kept)",
    body: inspectorIn,
    response: { status: 201, schema: inspectorOut },
  },
  {
    method: "get",
    path: "/api/v1/inspector/{inspector_id}",
    tag: "Inspector",
    summary: "Get a request inspector",
    response: { status: 200, schema: inspectorOut },
  },
  {
    method: "patch",
    path: "/api/v1/inspector/{inspector_id}",
    tag: "Inspector",
    summary: "Rename it, or change the status it answers with",
    body: inspectorPatch,
    response: { status: 200, schema: inspectorOut },
  },
  {
    method: "delete",
    path: "/api/v1/inspector/{inspector_id}",
    tag: "Inspector",
    summary: "Delete a request inspector and what it recorded",
    response: { status: 204 },
  },
  {
    method: "get",
    path: "/api/v1/inspector/{inspector_id}/request",
    tag: "Inspector",
    summary:
      "What it received, newest first (method, path, query, headers, body, client address); with `endpoint_id`, whether each signature verifies with that endpoint's keys",
    query: inspectorRequestQuery,
    response: { status: 200, schema: inspectorRequestOut, list: true },
  },
  {
    method: "post",
    path: "/api/v1/relay",
    tag: "Relay",
    summary:
      "The application's relay for `npm run listen` (made on first use): deliveries to its URL go to the CLI connected with a WebSocket at /api/v1/relay/{relay_id}/listen",
    body: relayIn,
    response: { status: 200, schema: relayOut },
  },
];
