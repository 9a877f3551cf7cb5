import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Hookline", template: "%s · Hookline" },
  description: "Webhooks as a service: send, sign, retry, observe.",
};

// Runs before first paint, so a dark-mode viewer never sees a white flash. The choice lives in
// localStorage ("light" | "dark"); without one, the system setting decides. The widget (/embed/)
// follows its tenant's theme instead (app/embed/[token]/layout.tsx).
const THEME_SCRIPT = `(function(){try{if(location.pathname.indexOf("/embed/")===0)return;var c=localStorage.getItem("hookline-theme");var d=c?c==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script, no user input */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
