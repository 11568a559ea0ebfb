/**
 * Which Chromium the browser tests drive, so that `npm ci && npm test` needs nothing the
 * machine does not already have:
 *
 * - `CHROMIUM_PATH` when set (it must exist), else Debian's `/usr/bin/chromium` when it is
 *   installed: the system's own browser, its own fonts;
 * - otherwise the headless Chromium that `@sparticuz/chromium` ships inside its npm package
 *   (Brotli-compressed, with SwiftShader for WebGL). It is unpacked once per package version
 *   into `node_modules/.cache/` (about 3 s), so `npm ci` starts from a clean copy, and it
 *   draws with fonts that ship in npm packages: Open Sans (from the same package) and Noto
 *   Naskh Arabic (`@embedpdf/fonts-arabic`), the face the explorer's CSS asks for first.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { extract } from 'tar-fs';
import { PROJECT_ROOT } from '../../src/project-root';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumBinary {
  readonly executablePath: string;
  /** Where it came from, for messages. */
  readonly origin: 'CHROMIUM_PATH' | 'debian' | '@sparticuz/chromium';
  /** Extra command-line flags this build needs. */
  readonly args: readonly string[];
  /** Extra environment for the browser process. */
  readonly env: Readonly<Record<string, string>>;
}

/** The packaged build is a headless shell: WebGL through ANGLE on SwiftShader, no zygote. */
const PACKAGED_ARGS = ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--in-process-gpu', '--no-zygote'];

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumBinary> {
  const configured = env['CHROMIUM_PATH'];
  if (configured !== undefined && configured !== '') {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured}: no such file`);
    return { executablePath: configured, origin: 'CHROMIUM_PATH', args: ['--disable-gpu'], env: {} };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, origin: 'debian', args: ['--disable-gpu'], env: {} };
  const unpacked = await unpackPackagedChromium();
  return {
    executablePath: path.join(unpacked, 'chromium'),
    origin: '@sparticuz/chromium',
    args: PACKAGED_ARGS,
    env: { FONTCONFIG_FILE: path.join(unpacked, 'fonts.conf') },
  };
}

function packageDir(name: string, entry: string): string {
  // Both packages restrict `exports`, so resolve a file they export and climb to the package root.
  let dir = path.dirname(require.resolve(entry));
  while (!existsSync(path.join(dir, 'package.json')) || readPackage(dir).name !== name) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${name} package`);
    dir = parent;
  }
  return dir;
}

function readPackage(dir: string): { name: string; version: string } {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
}

async function unbrotli(file: string, target: NodeJS.WritableStream): Promise<void> {
  await pipeline(createReadStream(file), createBrotliDecompress(), target);
}

/**
 * Unpacks the package's Chromium, SwiftShader and fonts into a versioned cache folder and
 * returns it. Unpacks into a private folder and renames it into place, so a run that was
 * killed half way, or two runs at once, never leave a partial browser behind.
 */
async function unpackPackagedChromium(): Promise<string> {
  const pkg = packageDir('@sparticuz/chromium', '@sparticuz/chromium');
  const bin = path.join(pkg, 'bin');
  const target = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'cities-kg', `chromium-${readPackage(pkg).version}`);
  if (existsSync(path.join(target, 'fonts.conf'))) return target;

  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  await unbrotli(path.join(bin, 'chromium.br'), createWriteStream(path.join(partial, 'chromium'), { mode: 0o755 }));
  await unbrotli(path.join(bin, 'swiftshader.tar.br'), extract(partial));
  await unbrotli(path.join(bin, 'fonts.tar.br'), extract(path.join(partial, 'packaged-fonts')));
  const arabic = path.join(packageDir('@embedpdf/fonts-arabic', '@embedpdf/fonts-arabic'), 'fonts');
  // Only these fonts, whatever the machine has: the screenshot does not depend on the host.
  writeFileSync(
    path.join(partial, 'fonts.conf'),
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${path.join(target, 'packaged-fonts', 'fonts')}</dir>
  <dir>${arabic}</dir>
  <cachedir>${path.join(target, 'fontconfig-cache')}</cachedir>
</fontconfig>
`,
  );
  try {
    renameSync(partial, target);
  } catch (error) {
    // Another run got there first: its copy is complete (renamed whole), use it.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(path.join(target, 'fonts.conf'))) throw error;
  }
  return target;
}
