/**
 * Builds the Teams app package an administrator uploads: `npm run package:teams` writes dist/teams/vaktpost-teams.zip
 * with manifest.json (app and bot id filled in), the localisation file and the two icons.
 *
 * The ZIP writer is our own (about forty lines on node:zlib): no ZIP library is installed, and a package of four
 * small files does not justify a new dependency in a security-sensitive project.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

const MANIFEST_DIR = join(__dirname, '..', 'manifest', 'teams');
const FILES = ['manifest.json', 'sv.json', 'color.png', 'outline.png'] as const;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One file in a ZIP archive. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** A ZIP archive (deflate, no extras). Times are fixed at 1980-01-01, so the same input gives the same bytes. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(0x21, 12); // date 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    local.copy(central, 6, 4, 28); // the same version, flags, method, time, date, crc, sizes and name length
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Width and height from a PNG's header. */
function pngSize(data: Buffer): { width: number; height: number } {
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/**
 * The package for the given environment. `MicrosoftAppId` is the Azure Bot's app id; `TEAMS_APP_ID` (optional)
 * gives the Teams app its own id, otherwise the bot's is used, which Teams accepts.
 */
export function buildTeamsPackage(env: Record<string, string | undefined>, dir = MANIFEST_DIR): Buffer {
  const botId = env.MicrosoftAppId?.trim() ?? '';
  const appId = env.TEAMS_APP_ID?.trim() || botId;
  if (!GUID.test(botId)) {
    throw new Error("Set MicrosoftAppId to the Azure Bot's Microsoft App ID (a GUID) before packaging the Teams app.");
  }
  if (!GUID.test(appId)) throw new Error('TEAMS_APP_ID must be a GUID when set.');
  const manifest = readFileSync(join(dir, 'manifest.json'), 'utf8')
    .replaceAll('${{TEAMS_APP_ID}}', appId)
    .replaceAll('${{MICROSOFT_APP_ID}}', botId);
  if (manifest.includes('${{'))
    throw new Error('manifest.json still holds a ${{…}} placeholder this script does not fill.');
  JSON.parse(manifest);
  const expected = { 'color.png': 192, 'outline.png': 32 } as const;
  const entries = FILES.map((name) => ({
    name,
    data: name === 'manifest.json' ? Buffer.from(manifest, 'utf8') : readFileSync(join(dir, name)),
  }));
  for (const [name, size] of Object.entries(expected)) {
    const file = entries.find((e) => e.name === name);
    const { width, height } = pngSize(file?.data ?? Buffer.alloc(24));
    if (width !== size || height !== size) {
      throw new Error(`${name} must be ${size}×${size} (is ${width}×${height}); run npx tsx scripts/teams-icons.ts`);
    }
  }
  return zip(entries);
}

if (require.main === module) {
  try {
    const out = join(__dirname, '..', 'dist', 'teams');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'vaktpost-teams.zip'), buildTeamsPackage(process.env));
    console.log(`Wrote ${join(out, 'vaktpost-teams.zip')}. Upload it in Teams (see adapters/teams/README.md).`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
