import type { ComponentProps } from "react";

/**
 * A <pre> that may scroll. It takes keyboard focus so people without a mouse can scroll it
 * (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function CodeBlock({ className = "", ...props }: ComponentProps<"pre">) {
  return (
    <pre
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      className={`focus-visible:outline-2 focus-visible:outline-brand-500 ${className}`}
      {...props}
    />
  );
}
