import { z } from "zod";
import { listQuery } from "@/lib/api/pagination";
import type { Operation } from "@/lib/openapi/operation";
import { applicationIn, applicationOut, applicationPatch } from "@/lib/schemas/application";
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
import {
  eventTypeImportOpenApiIn,
  eventTypeIn,
  eventTypeOut,
  eventTypePatch,
  eventTypeUpdate,
} from "@/lib/schemas/event-type";
import { livenessOut, readinessOut } from "@/lib/schemas/health";
import { integrationIn, integrationOut } from "@/lib/schemas/integration";
import { transformationOut, transformationPatch } from "@/lib/schemas/transformation";

export const headersOut = z.object({
  headers: z.record(z.string(), z.string()),
  sensitive: z.array(z.string()),
});
export const secretOut = z.object({ key: z.string() });
const appQuery = z.object({ get_if_exists: booleanQuery });
const etListQuery = listQuery("ascending").extend({ include_archived: booleanQuery });

// The single list of what REST API v1 offers; the schemas are the ones the handlers validate with.

// REST API v1: applications, event types, endpoints.
export const coreOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/health",
    tag: "Health",
    summary: "Health check",
    response: { status: 204 },
  },
  {
    method: "get",
    path: "/api/v1/health/live",
    tag: "Health",
    summary: "Liveness: the process answers (no database check)",
    response: { status: 200, schema: livenessOut },
  },
  {
    method: "get",
    path: "/api/v1/health/ready",
    tag: "Health",
    summary: "Readiness: database, this process's workers, queue lag; 503 when it cannot deliver",
    response: { status: 200, schema: readinessOut },
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
    method: "post",
    path: "/api/v1/event-type/import/openapi",
    tag: "Event type",
    summary:
      "Create or update event types from an OpenAPI document's webhooks (spec or specRaw; dryRun, replaceAll)",
    body: eventTypeImportOpenApiIn,
    response: {
      status: 200,
      schema: z.object({
        data: z.object({ modified: z.array(z.string()), to_modify: z.array(z.unknown()).optional() }),
      }),
    },
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
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}/transformation",
    tag: "Endpoint",
    summary: "Get the endpoint's JavaScript transformation",
    response: { status: 200, schema: transformationOut },
  },
  {
    method: "patch",
    path: "/api/v1/app/{app_id}/endpoint/{endpoint_id}/transformation",
    tag: "Endpoint",
    summary: "Set the transformation's code, variables and whether it runs (per delivery, before signing)",
    body: transformationPatch,
    response: { status: 200, schema: transformationOut },
  },
  {
    method: "post",
    path: "/api/v1/environment/export",
    tag: "Environment",
    summary:
      "Export settings, event types, applications and endpoints (secrets and headers sealed with `passphrase`, if given)",
    body: z.object({ passphrase: z.string().optional() }),
    response: { status: 200, schema: z.record(z.string(), z.unknown()) },
  },
  {
    method: "post",
    path: "/api/v1/environment/import",
    tag: "Environment",
    summary:
      "Import an export (Hookline's, or Svix's event types and settings): adds and updates, deletes nothing",
    body: z.record(z.string(), z.unknown()),
    response: { status: 204 },
  },
  {
    method: "get",
    path: "/api/v1/app/{app_id}/integration",
    tag: "Integration",
    summary: "List the application's integrations",
    query: listQuery(),
    response: { status: 200, schema: integrationOut, list: true },
  },
  {
    method: "post",
    path: "/api/v1/app/{app_id}/integration",
    tag: "Integration",
    summary: "Create an integration: a key that may manage only this application's endpoints (shown once)",
    body: integrationIn,
    response: { status: 201, schema: integrationOut.extend({ key: z.string() }) },
  },
  {
    method: "get",
    path: "/api/v1/app/{app_id}/integration/{integ_id}",
    tag: "Integration",
    summary: "Get an integration",
    response: { status: 200, schema: integrationOut },
  },
  {
    method: "put",
    path: "/api/v1/app/{app_id}/integration/{integ_id}",
    tag: "Integration",
    summary: "Update an integration's name and feature flags",
    body: integrationIn,
    response: { status: 200, schema: integrationOut },
  },
  {
    method: "delete",
    path: "/api/v1/app/{app_id}/integration/{integ_id}",
    tag: "Integration",
    summary: "Delete an integration (its key stops working)",
    response: { status: 204 },
  },
  {
    method: "post",
    path: "/api/v1/app/{app_id}/integration/{integ_id}/key/rotate",
    tag: "Integration",
    summary: "A new key for the integration; the old one stops working at once",
    response: { status: 200, schema: z.object({ key: z.string() }) },
  },
];
