/**
 * Reads the pixels of a PNG screenshot (with pngjs), so a test can check that the WebGL canvas
 * really drew something.
 */
import { PNG } from 'pngjs';

export interface Pixels {
  readonly width: number;
  readonly height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  readonly rgba: Uint8Array;
}

export function decodePng(png: Buffer): Pixels {
  const { width, height, data } = PNG.sync.read(png);
  return { width, height, rgba: data };
}

/** How many pixels lie within `tolerance` (per channel) of a `#rrggbb` colour. */
export function countColour({ rgba }: Pixels, hex: string, tolerance = 12): number {
  const target = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  let count = 0;
  for (let index = 0; index < rgba.length; index += 4) {
    if (target.every((value, channel) => Math.abs((rgba[index + channel] ?? 0) - value) <= tolerance)) count += 1;
  }
  return count;
}
