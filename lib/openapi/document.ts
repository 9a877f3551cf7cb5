import { z } from "zod";
import { coreOperations } from "@/lib/openapi/core-operations";
import { deliveryOperations } from "@/lib/openapi/delivery-operations";
import { devToolOperations } from "@/lib/openapi/dev-tool-operations";
import svix from "@/lib/openapi/svix-operations.json";
import { taskOperations } from "@/lib/openapi/task-operations";
import { widgetOperations } from "@/lib/openapi/widget-operations";

// The single list of what REST API v1 offers; the schemas are the ones the handlers validate with.
export const operations = [
  ...coreOperations,
  ...deliveryOperations,
  ...taskOperations,
  ...widgetOperations,
  ...devToolOperations,
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

/** Svix's operation id and tag for the operations we share, so generated clients name them alike. */
const SVIX = new Map(svix.operations.map((o) => [`${o.method} ${o.path}`, o]));

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
    const shared = SVIX.get(`${op.method} ${op.path}`);
    paths[op.path]![op.method] = {
      tags: [shared?.tag ?? op.tag],
      summary: op.summary,
      // Hookline's own operations get a `hookline.` id in the same style.
      operationId:
        shared?.operationId ??
        `hookline.${op.method}${op.path
          .replace(/^\/api\/v1/, "")
          .replace(/[{}]/g, "")
          .replace(/\//g, ".")}`,
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
      ...(op.path.startsWith("/api/v1/health") ? { security: [] } : {}),
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
