import type { Metadata } from "next";
import { type CSSProperties, type ReactNode, Suspense } from "react";
import { LinkExpired } from "@/components/widget/link-expired";
import { WidgetBridge } from "@/components/widget/widget-bridge";
import { WidgetNav } from "@/components/widget/widget-nav";
import type { WidgetTheme } from "@/lib/schemas/widget-theme";
import { brandVariables } from "@/lib/widget/brand-variables";
import { widgetAccess } from "@/lib/widget/widget-access";
import { widgetSettings } from "@/lib/widget/widget-settings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Webhooks",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

// Sets the dark class before paint from the tenant's mode (the portal's own theme script skips /embed/).
const MODE_SCRIPT = `(function(){var r=document.getElementById("widget-root");var m=r&&r.dataset.mode;document.documentElement.classList.toggle("dark",m==="dark"||(m==="system"&&matchMedia("(prefers-color-scheme: dark)").matches))})()`;

/**
 * The widget's frame: the token decides everything (which application, which tenant's theme).
 * An invalid token renders only the "link expired" screen; pages check the token again themselves.
 */
export default async function WidgetLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const access = await widgetAccess(token);
  const theme: WidgetTheme = access ? (await widgetSettings(access.tenantId)).theme : {};
  const style = {
    ...(theme.primaryColor ? brandVariables(theme.primaryColor) : {}),
    fontFamily: theme.fontFamily,
  } as CSSProperties;
  return (
    <div id="widget-root" data-mode={theme.mode ?? "light"} style={style} className="p-4">
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script, no user input */}
      <script dangerouslySetInnerHTML={{ __html: MODE_SCRIPT }} />
      {access ? (
        <>
          <header className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <div className="flex items-center gap-3">
              {/* biome-ignore lint/performance/noImgElement: a tenant's logo from any origin, not optimisable */}
              <img
                id="widget-logo"
                src={theme.logoUrl}
                hidden={!theme.logoUrl}
                alt=""
                className="h-7 w-auto"
                referrerPolicy="no-referrer"
              />
              <h1 className="font-semibold">Webhooks · {access.appName}</h1>
            </div>
            <WidgetNav base={`/embed/${token}`} />
          </header>
          <main>{children}</main>
        </>
      ) : (
        <LinkExpired />
      )}
      <Suspense>
        <WidgetBridge />
      </Suspense>
    </div>
  );
}
