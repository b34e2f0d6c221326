/**
 * Draws the Teams app icons (our own, no third-party artwork) and writes them beside the manifest:
 * - color.png: 192×192, a white shield on the accent colour;
 * - outline.png: 32×32, the shield's outline in white on transparent, as Teams requires.
 * Run with `npx tsx scripts/teams-icons.ts`; the PNG encoder below needs only node:zlib, so no image library is added.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const ACCENT: Rgba = [0x1f, 0x4e, 0x79, 255];
const WHITE: Rgba = [255, 255, 255, 255];

/** Half the shield's width at height v (0 top, 1 bottom, in the unit square); negative outside it. */
function shieldHalfWidth(v: number): number {
  const top = 0.16;
  const shoulder = 0.52;
  const tip = 0.88;
  if (v < top || v > tip) return -1;
  if (v <= shoulder) return 0.32;
  return 0.32 * (1 - ((v - shoulder) / (tip - shoulder)) ** 1.6);
}

/** Signed distance-like measure: > 0 inside the shield, by how much (in unit-square terms). */
function insideShield(u: number, v: number): number {
  const half = shieldHalfWidth(v);
  return half < 0 ? -1 : Math.min(half - Math.abs(u - 0.5), v - 0.16, 0.88 - v);
}

function inRoundedSquare(u: number, v: number, radius: number): boolean {
  const dx = Math.max(radius - u, 0, u - (1 - radius));
  const dy = Math.max(radius - v, 0, v - (1 - radius));
  return dx * dx + dy * dy <= radius * radius;
}

/** Renders with 4×4 supersampling, so edges are smooth at 32 px too. */
function draw(size: number, shade: (u: number, v: number) => Rgba | null): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = shade((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          for (let i = 0; i < 3; i += 1) sum[i] = (sum[i] ?? 0) + (colour[i] ?? 0) * (colour[3] / 255);
          sum[3] = (sum[3] ?? 0) + colour[3];
        }
      }
      const n = samples * samples;
      const alpha = (sum[3] ?? 0) / n;
      const offset = (y * size + x) * 4;
      for (let i = 0; i < 3; i += 1)
        pixels[offset + i] = alpha === 0 ? 0 : Math.round(((sum[i] ?? 0) / n) * (255 / alpha));
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return encodePng(size, size, pixels);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A minimal PNG: 8-bit RGBA, no filtering, one IDAT. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The colour icon: accent rounded square, white shield, an accent stripe down the shield's middle. */
export function colorIcon(): Buffer {
  return draw(192, (u, v) => {
    if (!inRoundedSquare(u, v, 0.18)) return null;
    const depth = insideShield(u, v);
    if (depth > 0 && !(Math.abs(u - 0.5) < 0.035 && v > 0.26 && v < 0.78)) return WHITE;
    return ACCENT;
  });
}

/** The outline icon: the shield's edge, white on transparent. */
export function outlineIcon(): Buffer {
  return draw(32, (u, v) => {
    const depth = insideShield(u, v);
    return depth > 0 && depth < 0.075 ? WHITE : null;
  });
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'manifest', 'teams');
  writeFileSync(join(dir, 'color.png'), colorIcon());
  writeFileSync(join(dir, 'outline.png'), outlineIcon());
  console.log(`Wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}.`);
}
