import { z } from "zod";
import { listQuery } from "@/lib/api/pagination";
import { applicationIn, applicationOut, applicationPatch } from "@/lib/schemas/application";
import { attemptListQuery } from "@/lib/schemas/attempt";
import { booleanQuery } from "@/lib/schemas/common";
import {
  endpointIn,
  endpointOut,
  endpointPatch,
  endpointUpdate,
  headersIn,
  headersPatchIn,
  secretRotateIn,
} from "@/lib/schemas/endpoint";
import { eventTypeIn, eventTypeOut, eventTypePatch, eventTypeUpdate } from "@/lib/schemas/event-type";
import { eventExampleIn, messageFilters, messageIn, messageOut, recoverIn } from "@/lib/schemas/message";
import { operationalEndpointIn, operationalEndpointUpdate } from "@/lib/schemas/operational";

interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  tag: string;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: { status: number; schema?: z.ZodType; list?: boolean };
}

const attemptOut = z.object({
  id: z.string(),
  url: z.string(),
  response: z.string(),
  responseStatusCode: z.number(),
  responseDurationMs: z.number(),
  status: z.number().describe("0 success, 2 fail"),
  statusText: z.string(),
  triggerType: z.number().describe("0 scheduled, 1 manual"),
  msgId: z.string(),
  endpointId: z.string(),
  timestamp: z.string(),
  errorKind: z.string().nullable(),
  errorMessage: z.string().nullable(),
});
const statsOut = z.object({
  success: z.number(),
  pending: z.number(),
  sending: z.number(),
  fail: z.number(),
  parked: z.number(),
  canceled: z.number(),
});
const recoverOut = z.object({
  id: z.string(),
  status: z.string(),
  task: z.string(),
  updatedAt: z.string(),
  recovered: z.number(),
});
const deadLetterOut = z.object({
  id: z.string(),
  msgId: z.string(),
  endpointId: z.string(),
  eventType: z.string(),
  attempts: z.number(),
  lastAttempt: z.string().nullable(),
  failedAt: z.string(),
  messageCreatedAt: z.string(),
});
const dateWindow = z.object({ since: z.string().optional(), until: z.string().optional() });
const headersOut = z.object({ headers: z.record(z.string(), z.string()), sensitive: z.array(z.string()) });
const secretOut = z.object({ key: z.string() });
const appQuery = z.object({ get_if_exists: booleanQuery });
const etListQuery = listQuery("ascending").extend({ include_archived: booleanQuery });

// The single list of what REST API v1 offers; the schemas are the ones the handlers validate with.
export const operations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/health",
    tag: "Health",
    summary: "Health check",
    response: { status: 204 },
  },
  {
    method: "get",
    path: "/api/v1/app",
    tag: "Application",
    summary: "List applications",
    query: listQuery(),
    response: { status: 200, schema: applicationOut, list: true },
  },
  {
    method: "post",
    path: "/api/v1/app",
    tag: "Application",
    summary: "Create an application",
    query: appQuery,
    body: applicationIn,
    response: { status: 201, schema: applicationOut },
  },
  {
    method: "get",
    path: "/api/v1/app/{app_id}",
    tag: "Application",
    summary: "Get an application (id or uid)",
    response: { status: 200, schema: applicationOut },
  },
  {
    method: "put",
    path: "/api/v1/app/{app_id}",
    tag: "Application",
    summary: "Update an application, or create it with this uid",
    body: applicationIn,
    response: { status: 200, schema: applicationOut },
  },
  {
    method: "patch",
    path: "/api/v1/app/{app_id}",
    tag: "Application",
    summary: "Patch an application",
    body: applicationPatch,
    response: { status: 200, schema: applicationOut },
  },
  {
    method: "delete",
    path: "/api/v1/app/{app_id}",
    tag: "Application",
    summary: "Delete an application",
    response: { status: 204 },
  },
  {
    method: "get",
    path: "/api/v1/event-type",
    tag: "Event type",
    summary: "List event types",
    query: etListQuery,
    response: { status: 200, schema: eventTypeOut, list: true },
  },
  {
    method: "post",
    path: "/api/v1/event-type",
    tag: "Event type",
    summary: "Create an event type",
    body: eventTypeIn,
    response: { status: 201, schema: eventTypeOut },
  },
  {
    method: "get",
    path: "/api/v1/event-type/{event_type_name}",
    tag: "Event type",
    summary: "Get an event type",
    response: { status: 200, schema: eventTypeOut },
  },
  {
    method: "put",
    path: "/api/v1/event-type/{event_type_name}",
    tag: "Event type",
    summary: "Update an event type, or create it",
    body: eventTypeUpdate,
    response: { status: 200, schema: eventTypeOut },
  },
  {
    method: "patch",
    path: "/api/v1/event-type/{event_type_name}",
    tag: "Event type",
    summary: "Patch an event type",
    body: eventTypePatch,
    response: { status: 200, schema: eventTypeOut },
  },
  {
    method: "delete",
    path: "/api/v1/event-type/{event_type_name}",
    tag: "Event type",
    summary: "Archive an event type (?expunge=true deletes it)",
    query: z.object({ expunge: booleanQuery }),
    response: { status: 204 },
  },
  {
    method: "get",
    path: "/api/v1/app/{app_id}/endpoint",
    tag: "Endpoint",
    summary: "List endpoints",
    query: listQuery(),
    response: { status: 200, schema: endpointOut, list: true },
  },
  {
    method: "post",
    path: "/api/v1/app/{app_id}/endpoint",
    tag: "Endpoint",
    summary: "Create an endpoint",
    body: endpointIn,
    response: { status: 201, schema: endpointOut },
  },
  {
    method: "get",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}",
    tag: "Endpoint",
    summary: "Get an endpoint (id or uid)",
    response: { status: 200, schema: endpointOut },
  },
  {
    method: "put",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}",
    tag: "Endpoint",
    summary: "Update an endpoint, or create it with this uid",
    body: endpointUpdate,
    response: { status: 200, schema: endpointOut },
  },
  {
    method: "patch",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}",
    tag: "Endpoint",
    summary: "Patch an endpoint",
    body: endpointPatch,
    response: { status: 200, schema: endpointOut },
  },
  {
    method: "delete",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}",
    tag: "Endpoint",
    summary: "Delete an endpoint",
    response: { status: 204 },
  },
  {
    method: "get",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}/secret",
    tag: "Endpoint",
    summary: "Get the signing secret",
    response: { status: 200, schema: secretOut },
  },
  {
    method: "post",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}/secret/rotate",
    tag: "Endpoint",
    summary: "Rotate the signing secret (the old one stays valid for 24 h)",
    body: secretRotateIn,
    response: { status: 204 },
  },
  {
    method: "get",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}/headers",
    tag: "Endpoint",
    summary: "Get custom headers",
    response: { status: 200, schema: headersOut },
  },
  {
    method: "put",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}/headers",
    tag: "Endpoint",
    summary: "Replace custom headers",
    body: headersIn,
    response: { status: 204 },
  },
  {
    method: "patch",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}/headers",
    tag: "Endpoint",
    summary: "Merge custom headers",
    body: headersPatchIn,
    response: { status: 204 },
  },
  {
    method: "get",
    path: "/api/v1/app/{app_id}/msg",
    tag: "Message",
    summary: "List messages (?event_types, ?channel, ?tag, ?before, ?after, ?with_content)",
    query: messageFilters.extend(listQuery().shape),
    response: { status: 200, schema: messageOut, list: true },
  },
  {
    method: "post",
    path: "/api/v1/app/{app_id}/msg",
    tag: "Message",
    summary: "Send a message: fan-out to listening endpoints, signed, retried",
    query: messageFilters.pick({ with_content: true }),
    body: messageIn,
    response: { status: 202, schema: messageOut },
  },
  {
    method: "get",
    path: "/api/v1/app/{app_id}/msg/{msg_id}",
    tag: "Message",
    summary: "Get a message (id or eventId)",
    response: { status: 200, schema: messageOut },
  },
  {
    method: "delete",
    path: "/api/v1/app/{app_id}/msg/{msg_id}/content",
    tag: "Message",
    summary: "Expunge a message's payload and response bodies",
    response: { status: 204 },
  },
  {
    method: "get",
    path: "/api/v1/app/{app_id}/msg/{msg_id}/endpoint",
    tag: "Message",
    summary: "The endpoints a message went to, with delivery status",
    query: listQuery(),
    response: {
      status: 200,
      list: true,
      schema: endpointOut.extend({
        status: z.number(),
        statusText: z.string(),
        hooklineStatus: z.string(),
        nextAttempt: z.string().nullable(),
        attempts: z.number(),
      }),
    },
  },
  {
    method: "post",
    path: "/api/v1/app/{app_id}/msg/{msg_id}/endpoint/{endpoint_id}/resend",
    tag: "Message",
    summary: "Resend a message to one endpoint",
    response: { status: 202, schema: z.object({}) },
  },
  {
    method: "get",
    path: "/api/v1/app/{app_id}/msg/{msg_id}/attempt/{attempt_id}",
    tag: "Message attempt",
    summary: "Get one attempt",
    response: { status: 200, schema: attemptOut },
  },
  {
    method: "get",
    path: "/api/v1/app/{app_id}/attempt/endpoint/{endpoint_id}",
    tag: "Message attempt",
    summary: "Attempts made to an endpoint (?status)",
    query: attemptListQuery,
    response: { status: 200, schema: attemptOut, list: true },
  },
  {
    method: "get",
    path: "/api/v1/app/{app_id}/attempt/msg/{msg_id}",
    tag: "Message attempt",
    summary: "Attempts made for a message (?status, ?endpoint_id)",
    query: attemptListQuery,
    response: { status: 200, schema: attemptOut, list: true },
  },
  {
    method: "get",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}/stats",
    tag: "Endpoint",
    summary: "Deliveries by state (?since, ?until)",
    query: dateWindow,
    response: { status: 200, schema: statsOut },
  },
  {
    method: "post",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}/recover",
    tag: "Endpoint",
    summary: "Resend failed and parked deliveries since a time",
    body: recoverIn,
    response: { status: 202, schema: recoverOut },
  },
  {
    method: "post",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}/send-example",
    tag: "Endpoint",
    summary: "Send an event type's example to this endpoint",
    body: eventExampleIn,
    response: { status: 202, schema: messageOut },
  },
  {
    method: "get",
    path: "/api/v1/app/{app_id}/dead-letter",
    tag: "Dead-letter queue",
    summary: "Failed deliveries (?endpoint_id, ?since, ?until) — Hookline extension",
    query: listQuery().extend(dateWindow.shape).extend({ endpoint_id: z.string().optional() }),
    response: { status: 200, schema: deadLetterOut, list: true },
  },
  {
    method: "get",
    path: "/api/v1/operational-webhook/endpoint",
    tag: "Operational webhook",
    summary: "List the tenant's operational-webhook endpoints",
    query: listQuery(),
    response: { status: 200, schema: endpointOut, list: true },
  },
  {
    method: "post",
    path: "/api/v1/operational-webhook/endpoint",
    tag: "Operational webhook",
    summary: "Add an operational-webhook endpoint (endpoint.*, message.attempt.* events)",
    body: operationalEndpointIn,
    response: { status: 201, schema: endpointOut },
  },
  {
    method: "get",
    path: "/api/v1/operational-webhook/endpoint/{endpoint_id}",
    tag: "Operational webhook",
    summary: "Get an operational-webhook endpoint",
    response: { status: 200, schema: endpointOut },
  },
  {
    method: "put",
    path: "/api/v1/operational-webhook/endpoint/{endpoint_id}",
    tag: "Operational webhook",
    summary: "Update an operational-webhook endpoint",
    body: operationalEndpointUpdate,
    response: { status: 200, schema: endpointOut },
  },
  {
    method: "delete",
    path: "/api/v1/operational-webhook/endpoint/{endpoint_id}",
    tag: "Operational webhook",
    summary: "Delete an operational-webhook endpoint",
    response: { status: 204 },
  },
  {
    method: "get",
    path: "/api/v1/operational-webhook/endpoint/{endpoint_id}/secret",
    tag: "Operational webhook",
    summary: "Get its signing secret",
    response: { status: 200, schema: secretOut },
  },
  {
    method: "post",
    path: "/api/v1/operational-webhook/endpoint/{endpoint_id}/secret/rotate",
    tag: "Operational webhook",
    summary: "Rotate its signing secret",
    body: secretRotateIn,
    response: { status: 204 },
  },
  {
    method: "get",
    path: "/api/v1/operational-webhook/endpoint/{endpoint_id}/headers",
    tag: "Operational webhook",
    summary: "Get its custom headers",
    response: { status: 200, schema: headersOut },
  },
  {
    method: "put",
    path: "/api/v1/operational-webhook/endpoint/{endpoint_id}/headers",
    tag: "Operational webhook",
    summary: "Replace its custom headers",
    body: headersIn,
    response: { status: 204 },
  },
];

const schemaOf = (s: z.ZodType, io: "input" | "output") => z.toJSONSchema(s, { io, unrepresentable: "any" });

const errorResponses = {
  "400": {
    description: "Malformed request (e.g. invalid JSON)",
    content: { "application/json": { schema: { $ref: "#/components/schemas/HttpError" } } },
  },
  "401": {
    description: "Missing, invalid or revoked API key",
    content: { "application/json": { schema: { $ref: "#/components/schemas/HttpError" } } },
  },
  "404": {
    description: "Not found (or not this tenant's)",
    content: { "application/json": { schema: { $ref: "#/components/schemas/HttpError" } } },
  },
  "409": {
    description: "Conflict (duplicate uid or name, request in progress)",
    content: { "application/json": { schema: { $ref: "#/components/schemas/HttpError" } } },
  },
  "413": {
    description: "Body larger than the limit",
    content: { "application/json": { schema: { $ref: "#/components/schemas/HttpError" } } },
  },
  "422": {
    description: "Validation failed",
    content: { "application/json": { schema: { $ref: "#/components/schemas/ValidationError" } } },
  },
};

/** The OpenAPI 3.1 document for REST API v1, built from the same zod schemas the handlers use. */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const queryParams = op.query
      ? Object.entries(op.query.shape).map(([name, schema]) => ({
          name,
          in: "query",
          required: false,
          schema: schemaOf(schema as z.ZodType, "input"),
        }))
      : [];
    const success = op.response?.schema
      ? {
          description: "Success",
          content: {
            "application/json": {
              schema: op.response.list
                ? {
                    type: "object",
                    required: ["data", "done", "iterator"],
                    properties: {
                      data: { type: "array", items: schemaOf(op.response.schema, "output") },
                      iterator: { type: ["string", "null"] },
                      prevIterator: { type: ["string", "null"] },
                      done: { type: "boolean" },
                    },
                  }
                : schemaOf(op.response.schema, "output"),
            },
          },
        }
      : { description: "No content" };
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      tags: [op.tag],
      summary: op.summary,
      operationId: `${op.method}_${op.path.replace(/[^a-z]+/gi, "_")}`,
      parameters: [
        ...pathParams,
        ...queryParams,
        ...(op.method === "post"
          ? [
              {
                name: "idempotency-key",
                in: "header",
                required: false,
                schema: { type: "string", maxLength: 256 },
              },
            ]
          : []),
      ],
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: schemaOf(op.body, "input") } },
            },
          }
        : {}),
      responses: { [String(op.response?.status ?? 200)]: success, ...errorResponses },
      ...(op.path === "/api/v1/health" ? { security: [] } : {}),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Hookline API",
      version: "1.0.0",
      description: "Webhooks as a service. Compatible with the Svix API and SDKs.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API key from the portal's API keys page" },
      },
      schemas: {
        HttpError: {
          type: "object",
          required: ["code", "detail"],
          properties: { code: { type: "string" }, detail: { type: "string" } },
        },
        ValidationError: {
          type: "object",
          properties: {
            code: { type: "string" },
            detail: {
              type: "array",
              items: {
                type: "object",
                required: ["loc", "msg", "type"],
                properties: {
                  loc: { type: "array", items: { type: "string" } },
                  msg: { type: "string" },
                  type: { type: "string" },
                },
              },
            },
          },
        },
      },
    },
  };
}
