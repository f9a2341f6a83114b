// Collects the licences of every npm package that esbuild bundled, for dist/THIRD-PARTY-NOTICES.txt.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Licences that allow shipping the package inside the .vsix. */
export const ALLOWED_LICENSES = ['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD', 'BlueOak-1.0.0'];

/** Package folders (node_modules/…) that esbuild's metafiles list as inputs. */
export function bundledPackages(metafiles) {
  const folders = new Set();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match) folders.add(match[1]);
    }
  }
  return [...folders].sort();
}

export function describePackage(folder) {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const licenseFile = readdirSync(folder).find((name) => /^(licen[sc]e|copying)(\.|$)/i.test(name));
  return {
    name: manifest.name,
    version: manifest.version,
    license: typeof manifest.license === 'string' ? manifest.license : manifest.license?.type,
    text: licenseFile && existsSync(join(folder, licenseFile)) ? readFileSync(join(folder, licenseFile), 'utf8').trim() : undefined,
  };
}

export function noticesText(packages) {
  const sections = packages.map((pkg) => `${pkg.name}@${pkg.version} (${pkg.license})\n\n${pkg.text ?? `Licensed under ${pkg.license}.`}`);
  return `Container Standards bundles the following packages.\n\n${sections.join(`\n\n${'-'.repeat(78)}\n\n`)}\n`;
}
