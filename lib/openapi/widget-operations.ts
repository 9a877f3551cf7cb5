import type { Operation } from "@/lib/openapi/operation";
import { applicationTokenExpireIn, appPortalAccessIn, appPortalAccessOut } from "@/lib/schemas/portal-access";

// REST API v1: links to the embeddable endpoint widget (Svix's app-portal authentication).
export const widgetOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/auth/app-portal-access/{app_id}",
    tag: "Authentication",
    summary: "Get a widget link for an application (`expiry` 1 hour to 7 days, default 7 days)",
    body: appPortalAccessIn,
    response: { status: 200, schema: appPortalAccessOut },
  },
  {
    method: "post",
    path: "/api/v1/auth/app/{app_id}/expire-all",
    tag: "Authentication",
    summary: "Expire every widget link of an application",
    body: applicationTokenExpireIn,
    response: { status: 204 },
  },
  {
    method: "post",
    path: "/api/v1/auth/logout",
    tag: "Authentication",
    summary: "End the app-portal token this request carries (Authorization: Bearer <token>)",
    response: { status: 204 },
  },
];
