"use client";

import { ErrorPanel } from "@/components/portal/error-panel";

export default function WidgetError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorPanel digest={error.digest} retry={reset} />;
}
