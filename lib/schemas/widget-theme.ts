import { z } from "zod";

// The widget's look, set per tenant and overridable per mount (widget.js). Every value ends up in
// CSS, so each is checked to be exactly what it claims (a hex colour, a font list, an http(s) URL).
export const widgetTheme = z.object({
  primaryColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #4f46e5")
    .optional(),
  mode: z.enum(["light", "dark", "system"]).optional(),
  logoUrl: z
    .string()
    .max(2048)
    .url()
    .refine((u) => /^https?:\/\//i.test(u), "must be an http:// or https:// URL")
    .optional(),
  fontFamily: z
    .string()
    .max(200)
    .regex(/^[\w\s,"'-]+$/, "may contain only font names, quotes, commas and spaces")
    .optional(),
});
export type WidgetTheme = z.infer<typeof widgetTheme>;

/** An origin as browsers send it: scheme://host[:port], nothing after. */
export const frameOrigin = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const u = new URL(value);
      return /^https?:$/.test(u.protocol) && u.origin === value.replace(/\/$/, "");
    } catch {
      return false;
    }
  }, "must be an origin such as https://app.example.com (no path)")
  .transform((value) => new URL(value).origin);
