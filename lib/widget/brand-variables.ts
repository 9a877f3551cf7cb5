/** The CSS custom properties that recolour the component set (Tailwind's brand-*) from one colour. */
export function brandVariables(color: string): Record<string, string> {
  return {
    "--color-brand-50": `color-mix(in oklab, ${color} 8%, white)`,
    "--color-brand-500": `color-mix(in oklab, ${color} 85%, white)`,
    "--color-brand-600": color,
    "--color-brand-700": `color-mix(in oklab, ${color} 85%, black)`,
  };
}
