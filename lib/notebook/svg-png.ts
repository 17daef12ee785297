// A chart's SVG as a PNG, for the viewers that show no SVG (JupyterLab and GitHub in a notebook they do
// not trust, the Markdown report): resvg, a Rust renderer shipped as a prebuilt npm binary (nothing
// downloaded at run time), with the machine's fonts for vega's text.
import { spawnSync } from 'node:child_process';
import resvg from '@resvg/resvg-js';

let sansSerif: string | undefined | null = null;

/**
 * The family fontconfig gives `sans-serif` (what a browser draws vega's text with); resvg's own choice
 * would be the first system font, often a serif. Undefined where there is no fontconfig.
 */
function sansSerifFamily(): string | undefined {
  if (sansSerif === null) {
    const asked = spawnSync('fc-match', ['-f', '%{family[0]}', 'sans-serif'], { encoding: 'utf8' });
    sansSerif = asked.status === 0 && asked.stdout.trim() ? asked.stdout.trim() : undefined;
  }
  return sansSerif;
}

export function svgToPng(svg: string): Buffer {
  const family = sansSerifFamily();
  const font = {
    loadSystemFonts: true,
    ...(family && { sansSerifFamily: family, defaultFontFamily: family }),
  };
  return new resvg.Resvg(svg, { font, background: 'white' }).render().asPng();
}
