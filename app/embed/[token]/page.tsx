import { widgetCreateEndpointAction } from "@/app/embed/[token]/actions";
import { EndpointForm } from "@/components/endpoints/endpoint-form";
import { EndpointList } from "@/components/endpoints/endpoint-list";
import { Card } from "@/components/ui/card";
import { applicationOverview } from "@/lib/applications/application-overview";
import { widgetAccess } from "@/lib/widget/widget-access";

export default async function WidgetEndpointsPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const access = await widgetAccess(token);
  if (!access) return null; // the layout shows "link expired"
  const { endpoints, eventTypes } = await applicationOverview(
    access.tenantId,
    access.appId,
    access.featureFlags,
  );
  return (
    <div className="space-y-4">
      <Card title="Endpoints">
        <EndpointList
          endpoints={endpoints}
          href={(id) => `/embed/${token}/endpoints/${id}`}
          empty="No endpoints yet. Add the URL where you want to receive events."
        />
        {access.can("ManageEndpoint") ? (
          <>
            <h2 className="mb-3 text-sm font-semibold">Add an endpoint</h2>
            <EndpointForm
              action={widgetCreateEndpointAction.bind(null, token)}
              eventTypes={eventTypes}
              submitLabel="Add endpoint"
            />
          </>
        ) : null}
      </Card>
    </div>
  );
}
