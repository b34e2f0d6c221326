import { inflateRawSync, inflateSync } from 'node:zlib';
import { buildTeamsPackage } from '../../../scripts/package-teams';

const APP_ID = '11111111-2222-3333-4444-555555555555';

/** Reads a ZIP's files back through its central directory, as Teams' upload would. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    files.set(name, inflateRawSync(archive.subarray(dataStart, dataStart + size)));
    at += 46 + nameLength;
  }
  return files;
}

/** Width, height and RGBA pixels of one of our PNGs (8-bit RGBA, filter 0 on every row). */
function readPng(png: Buffer): { width: number; height: number; pixels: number[][] } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const pixels: number[][] = [];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const o = y * (width * 4 + 1) + 1 + x * 4;
      pixels.push([raw[o] ?? 0, raw[o + 1] ?? 0, raw[o + 2] ?? 0, raw[o + 3] ?? 0]);
    }
  }
  return { width, height, pixels };
}

describe('npm run package:teams', () => {
  it('packs a manifest on a current schema with the bot id filled in, for personal chats and teams', () => {
    const files = unzip(buildTeamsPackage({ MicrosoftAppId: APP_ID }));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png', 'sv.json']);
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}');
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(17);
    expect(manifest.$schema).toContain(`v${manifest.manifestVersion}/`);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]).toMatchObject({ botId: APP_ID, scopes: ['personal', 'team'], supportsFiles: true });
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.developer.name.length).toBeLessThanOrEqual(32);
  });

  it('carries a 192×192 colour icon and a 32×32 outline that is white on transparent', () => {
    const files = unzip(buildTeamsPackage({ MicrosoftAppId: APP_ID }));
    const color = readPng(files.get('color.png') ?? Buffer.alloc(0));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(new Set(color.pixels.map((p) => p.slice(0, 3).join())).size).toBeGreaterThan(2);
    const outline = readPng(files.get('outline.png') ?? Buffer.alloc(0));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const visible = outline.pixels.filter((p) => (p[3] ?? 0) > 0);
    expect(visible.length).toBeGreaterThan(20);
    expect(visible.every((p) => p[0] === 255 && p[1] === 255 && p[2] === 255)).toBe(true);
    expect(outline.pixels[0]?.[3]).toBe(0);
  });

  it('refuses to pack without the bot app id, and says which setting to fill', () => {
    expect(() => buildTeamsPackage({})).toThrow(/MicrosoftAppId/);
    expect(() => buildTeamsPackage({ MicrosoftAppId: APP_ID, TEAMS_APP_ID: 'not-a-guid' })).toThrow(/TEAMS_APP_ID/);
  });
});
