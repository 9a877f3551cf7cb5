import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { parseEndpointForm } from "@/lib/endpoints/endpoint-form";
import { saveHeaders } from "@/lib/endpoints/endpoint-headers";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { openHeaders } from "@/lib/endpoints/header-box";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { hiddenEventTypes } from "@/lib/event-types/event-type-catalogue";
import { type FormState, formProblem } from "@/lib/portal/form-state";

/**
 * The endpoint form's submit, shared by the portal and the widget: creates an endpoint
 * (`endpointId` null) or saves one. Returns the endpoint id, or the form state to show.
 * `endpointId` (an id or a uid, as in the URL) is resolved within the application once, and every
 * write uses the resolved id. With `featureFlags` (a widget token's), only the event types that
 * token may see can be subscribed to: a replayed or hand-made request cannot reach hidden ones.
 */
export async function saveEndpointForm(
  tenantId: string,
  appId: string,
  endpointId: string | null,
  form: FormData,
  options: { featureFlags?: string[] } = {},
): Promise<{ endpointId: string } | FormState> {
  try {
    const endpoint = endpointId ? await findEndpoint(tenantId, appId, endpointId) : null;
    const current = endpoint ? openHeaders(endpoint.headers) : {};
    const parsed = parseEndpointForm(form, current, endpoint?.url);
    if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, values: parsed.values };
    const { headers, ...input } = parsed.input;
    if (options.featureFlags) {
      const hidden = await hiddenEventTypes(tenantId, input.eventTypes ?? [], options.featureFlags);
      if (hidden.length > 0)
        return {
          fieldErrors: { eventTypes: `Unknown event type: ${hidden.join(", ")}` },
          values: parsed.values,
        };
    }
    try {
      if (!endpoint) return { endpointId: (await createEndpoint(tenantId, appId, { ...input, headers })).id };
      await updateEndpoint(tenantId, appId, endpoint.id, {
        ...input,
        eventTypes: input.eventTypes?.length ? input.eventTypes : null,
        channels: input.channels?.length ? input.channels : null,
      });
      await saveHeaders(tenantId, endpoint.id, current, { headers: headers ?? {} }, true);
      return { endpointId: endpoint.id };
    } catch (error) {
      return { ...formProblem(error), values: parsed.values };
    }
  } catch (error) {
    return formProblem(error);
  }
}
