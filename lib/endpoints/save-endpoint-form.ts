import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { parseEndpointForm } from "@/lib/endpoints/endpoint-form";
import { saveHeaders } from "@/lib/endpoints/endpoint-headers";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { type FormState, formProblem } from "@/lib/portal/form-state";

/**
 * The endpoint form's submit, shared by the portal and the widget: creates an endpoint
 * (`endpointId` null) or saves one. Returns the endpoint id, or the form state to show.
 */
export async function saveEndpointForm(
  tenantId: string,
  appId: string,
  endpointId: string | null,
  form: FormData,
): Promise<{ endpointId: string } | FormState> {
  let current: Record<string, string> = {};
  try {
    if (endpointId) {
      current = (await findEndpoint(tenantId, appId, endpointId)).headers as Record<string, string>;
    }
    const parsed = parseEndpointForm(form, current);
    if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, values: parsed.values };
    const { headers, ...input } = parsed.input;
    try {
      if (!endpointId)
        return { endpointId: (await createEndpoint(tenantId, appId, { ...input, headers })).id };
      await updateEndpoint(tenantId, appId, endpointId, {
        ...input,
        eventTypes: input.eventTypes?.length ? input.eventTypes : null,
        channels: input.channels?.length ? input.channels : null,
      });
      await saveHeaders(tenantId, endpointId, current, { headers: headers ?? {} }, true);
      return { endpointId };
    } catch (error) {
      return { ...formProblem(error), values: parsed.values };
    }
  } catch (error) {
    return formProblem(error);
  }
}
