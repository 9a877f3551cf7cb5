type Rgb = [number, number, number];

const WHITE: Rgb = [255, 255, 255];
/** The darkest surface text sits on in light mode (zinc-100: code blocks, hovered rows). */
const LIGHT_SURFACE: Rgb = [0xf4, 0xf4, 0xf5];
const BLACK: Rgb = [0, 0, 0];
/** The darkest surface text sits on in dark mode (zinc-900 cards; the page is darker still). */
const DARK_SURFACE: Rgb = [0x18, 0x18, 0x1b];

function parseHex(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2 relative luminance. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(parseHex(a)), luminance(parseHex(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function mix(from: Rgb, to: Rgb, t: number): Rgb {
  return from.map((c, i) => c + (to[i]! - c) * t) as Rgb;
}

/** `color` moved toward `toward` just enough to reach `ratio` against `surface`. */
function readable(color: Rgb, surface: Rgb, ratio: number, toward: Rgb): Rgb {
  for (let t = 0; t <= 1; t += 0.02) {
    const candidate = mix(color, toward, t);
    if (contrastRatio(toHex(candidate), toHex(surface)) >= ratio) return candidate;
  }
  return toward;
}

/**
 * The CSS custom properties that recolour the component set (Tailwind's brand-*) from a tenant's
 * colour, shaded so what they are used for stays readable whatever the colour (WCAG AA):
 * brand-600 carries white button text and links on light surfaces (4.5:1), brand-700 is text on brand-50,
 * brand-500 draws focus rings (3:1 on white), and brand-300 is link text in dark mode (4.5:1 on
 * the dark surfaces). A pale yellow gets darker buttons; a navy gets lighter dark-mode links.
 */
export function brandVariables(color: string): Record<string, string> {
  const base = parseHex(color);
  const tint = mix(base, WHITE, 0.92);
  const strong = readable(base, LIGHT_SURFACE, 4.5, BLACK);
  return {
    "--color-brand-50": toHex(tint),
    "--color-brand-300": toHex(readable(base, DARK_SURFACE, 4.5, WHITE)),
    "--color-brand-500": toHex(readable(base, WHITE, 3, BLACK)),
    "--color-brand-600": toHex(strong),
    "--color-brand-700": toHex(readable(mix(strong, BLACK, 0.15), tint, 4.5, BLACK)),
  };
}
