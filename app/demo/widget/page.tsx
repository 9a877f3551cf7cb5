import { notFound } from "next/navigation";
import { DemoMount } from "@/components/widget/demo-mount";
import { env } from "@/lib/env";
import { demoWidgetLink } from "@/lib/widget/demo-widget-link";

export const dynamic = "force-dynamic";
export const metadata = { title: "Widget demo", robots: { index: false } };

/**
 * A mock "tenant product" with the widget mounted for the demo application, so a newcomer sees
 * it work right after `npm start`. Off unless DEMO_WIDGET (on with the embedded database only):
 * it hands out widget links without signing in.
 */
export default async function DemoWidgetPage() {
  if (!env().DEMO_WIDGET) notFound();
  const url = await demoWidgetLink();
  if (!url) notFound();
  return (
    <div className="min-h-screen bg-white text-zinc-900">
      <header className="flex items-center gap-3 border-b border-zinc-200 px-6 py-3">
        <span className="rounded bg-teal-700 px-2 py-1 text-sm font-bold text-white">Acme Analytics</span>
        <span className="text-sm text-zinc-600">Settings › Webhooks</span>
        <span className="ml-auto text-xs text-zinc-600">
          A mock product page embedding Hookline&apos;s widget
        </span>
      </header>
      <div className="mx-auto grid max-w-6xl gap-6 px-6 py-6 md:grid-cols-[200px_1fr]">
        <nav aria-label="Product settings" className="space-y-1 text-sm text-zinc-600">
          <p>Profile</p>
          <p>Billing</p>
          <p className="font-semibold text-teal-700">Webhooks</p>
          <p>Team</p>
        </nav>
        <main>
          <h1 className="mb-4 text-xl font-semibold">Webhooks</h1>
          <DemoMount url={url} />
        </main>
      </div>
    </div>
  );
}
