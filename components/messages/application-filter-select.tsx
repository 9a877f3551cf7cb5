"use client";

import { Select } from "@/components/ui/select";

/**
 * The log's application filter. Choosing one reloads the filters at once, so the endpoint list
 * below holds that application's endpoints (an endpoint chosen for another application is
 * dropped). Without JavaScript, the Filter button does the same.
 */
export function ApplicationFilterSelect({
  applications,
  value,
}: {
  applications: { id: string; name: string }[];
  value: string;
}) {
  return (
    <Select
      id="f-app"
      name="app"
      label="Application"
      defaultValue={value}
      hint="The endpoint list follows the application."
      options={[["", "All applications"], ...applications.map((a): [string, string] => [a.id, a.name])]}
      onChange={(e) => {
        const form = e.currentTarget.form;
        const endpoint = form?.elements.namedItem("endpoint");
        if (endpoint instanceof HTMLSelectElement) endpoint.value = "";
        form?.requestSubmit();
      }}
    />
  );
}
