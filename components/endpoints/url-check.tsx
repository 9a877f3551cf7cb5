"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { UrlCheck } from "@/lib/endpoints/check-endpoint-url";

/**
 * Right after an endpoint is created: can its URL work at all? Said at once, in words, with the
 * way to a test send (`testHref`, the Testing tab) when the viewer may send one.
 */
export function UrlCheckNotice({ check, testHref }: { check: () => Promise<UrlCheck>; testHref?: string }) {
  const [result, setResult] = useState<UrlCheck | "checking">("checking");
  useEffect(() => {
    let live = true;
    check().then(
      (r) => live && setResult(r),
      () =>
        live && setResult({ ok: false, kind: "timeout", message: "The URL could not be checked just now." }),
    );
    return () => {
      live = false;
    };
  }, [check]);
  if (result === "checking") return <Alert tone="info">Checking that this URL can be reached…</Alert>;
  return (
    <div data-testid="url-check">
      <Alert tone={result.ok ? "success" : "error"}>
        {result.message}
        {result.ok ? null : " Fix the URL or your server, then send a test event."}
        {testHref ? (
          <>
            {" "}
            <Link href={testHref} className="font-medium underline">
              Send a test event
            </Link>
          </>
        ) : null}
      </Alert>
    </div>
  );
}
