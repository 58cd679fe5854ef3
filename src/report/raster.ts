import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * SVG to PNG for the Word report, with resvg compiled to WebAssembly: one portable file from the
 * npm registry, no native addon, nothing downloaded at install or at run time, and no access to
 * the machine (the WASM module sees only the bytes it is given). It loads no system fonts: the
 * charts are drawn with Open Sans from an npm package, so the picture is the same on every
 * machine, and text never silently disappears on one without fonts.
 */

const require = createRequire(import.meta.url);
const FONT_FILES = ['@expo-google-fonts/open-sans/400Regular/OpenSans_400Regular.ttf', '@expo-google-fonts/open-sans/700Bold/OpenSans_700Bold.ttf'];

type Resvg = typeof import('@resvg/resvg-wasm');
let loading: Promise<{ resvg: Resvg; fonts: Uint8Array[] }> | undefined;

/** The WASM module is initialised once per process (a second initWasm throws). */
function load(): Promise<{ resvg: Resvg; fonts: Uint8Array[] }> {
  loading ??= (async () => {
    const resvg = await import('@resvg/resvg-wasm');
    await resvg.initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    return { resvg, fonts: FONT_FILES.map((f) => new Uint8Array(readFileSync(require.resolve(f)))) };
  })();
  return loading;
}

export interface Png {
  data: Uint8Array;
  /** In pixels. */
  width: number;
  height: number;
}

/** The SVG drawn `width` pixels wide (its height follows the SVG's aspect ratio), on white. */
export async function svgToPng(svg: string, width: number): Promise<Png> {
  const { resvg, fonts } = await load();
  const renderer = new resvg.Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { fontBuffers: fonts, defaultFontFamily: 'Open Sans', sansSerifFamily: 'Open Sans' },
  });
  try {
    const image = renderer.render();
    try {
      return { data: image.asPng(), width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    renderer.free();
  }
}
