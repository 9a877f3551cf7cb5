import { z } from "zod";
import { listQuery } from "@/lib/api/pagination";
import { headersOut, secretOut } from "@/lib/openapi/core-operations";
import type { Operation } from "@/lib/openapi/operation";
import { attemptListQuery, endpointMessagesQuery } from "@/lib/schemas/attempt";
import { endpointOut, headersIn, secretRotateIn } from "@/lib/schemas/endpoint";
import {
  eventExampleIn,
  messageFilters,
  messageIn,
  messageOut,
  messagePrecheckIn,
  recoverIn,
} from "@/lib/schemas/message";
import { operationalEndpointIn, operationalEndpointUpdate } from "@/lib/schemas/operational";

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
  msg: messageOut.optional().describe("With ?with_msg=true"),
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

// The single list of what REST API v1 offers; the schemas are the ones the handlers validate with.

// REST API v1: messages, attempts, recovery, the dead-letter queue, operational webhooks.
export const deliveryOperations: Operation[] = [
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
    method: "post",
    path: "/api/v1/app/{app_id}/msg/precheck/active",
    tag: "Message",
    summary: "Would a message of this type (and channels) reach any enabled endpoint?",
    body: messagePrecheckIn,
    response: { status: 200, schema: z.object({ active: z.boolean() }) },
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
    method: "delete",
    path: "/api/v1/app/{app_id}/msg/{msg_id}/attempt/{attempt_id}/content",
    tag: "Message attempt",
    summary: "Expunge one attempt's response body",
    response: { status: 204 },
  },
  {
    method: "get",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}/msg",
    tag: "Message attempt",
    summary: "The messages attempted at an endpoint, with their status there",
    query: endpointMessagesQuery,
    response: {
      status: 200,
      list: true,
      schema: messageOut.extend({
        status: z.number(),
        statusText: z.string(),
        nextAttempt: z.string().nullable(),
      }),
    },
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
