/**
 * Re-vendors runtime/vendor/site-packages/ from Debian's packages, as manifest.json lists them:
 *
 *   node runtime/vendor/revendor.ts                  download, check, extract, copy, check again
 *   node runtime/vendor/revendor.ts --check          only compare the files on disk with the manifest
 *   node runtime/vendor/revendor.ts --mirror <url>   download from another Debian mirror
 *
 * Each .deb is fetched with `apt-get download` through an apt configuration of its own,
 * in a temporary folder, for the manifest's suite (Debian unstable carries Python 3.14;
 * the machine's own apt sources may be an older release): apt checks the archive's
 * signature, then this checks the .deb's SHA-256 against the manifest, refusing any
 * other. The new tree is assembled and checked in that temporary folder first, so a
 * refusal leaves site-packages/ as it was; then only the files that differ are written,
 * and a second run changes nothing. A version that has left the suite can still be had
 * from snapshot.debian.org: `--mirror https://snapshot.debian.org/archive/debian/<time>`.
 *
 * Needs apt-get, dpkg-deb and Debian's archive keyring (package debian-archive-keyring).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** One Debian package and what of it site-packages/ holds. */
export interface VendoredPackage {
  /** Top-level names a program imports it by (none for the certificate bundle). */
  imports: string[];
  /** Upstream's version. */
  version: string;
  debian: { package: string; version: string; sha256: string };
  licence: { spdx: string; file: string };
  /** Paths of the extracted .deb (file or folder), and where they go under site-packages/. */
  take: { from: string; to: string }[];
  /** Paths inside those that stay out, with the reason. */
  leave: { path: string; why: string }[];
  /** Files of a folder of the .deb joined into one file, as a Debian tool would at install. */
  bundle?: { from: string; to: string; how: string };
  /** How many files it puts on disk, and the SHA-256 of their `sha256sum` listing (filesDigest). */
  files: { count: number; sha256: string };
}

export interface Manifest {
  about: string[];
  debian: { mirror: string; suite: string; keyring: string };
  /** Files of site-packages/ that no package puts there. */
  keep: string[];
  packages: VendoredPackage[];
}

export const VENDOR_DIR = import.meta.dirname;
export const SITE_PACKAGES = join(VENDOR_DIR, 'site-packages');

/** Python writes these when it runs from the folder; node-runtime.ts never ships them. */
const IGNORED = '__pycache__';

export function readManifest(file = join(VENDOR_DIR, 'manifest.json')): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Byte order, as `LC_ALL=C sort` and update-ca-certificates sort names. */
export const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The files under `root` at the given relative paths (files or folders), `/`-separated, in byte order. */
export function filesUnder(root: string, paths: string[]): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    const full = join(root, path);
    if (!existsSync(full)) return;
    const stat = lstatSync(full);
    if (stat.isSymbolicLink())
      throw new Error(`${path} is a symbolic link: the runtime's loader copies file contents, so vendor the file itself.`);
    if (!stat.isDirectory()) found.push(path);
    else for (const name of readdirSync(full)) if (name !== IGNORED) walk(`${path}/${name}`);
  };
  paths.forEach(walk);
  return found.sort(byteOrder);
}

/** The paths under site-packages/ that an entry writes. */
export const destinations = (entry: VendoredPackage) => [...entry.take.map((take) => take.to), ...(entry.bundle ? [entry.bundle.to] : [])];

/** Count and SHA-256 of `sha256sum`'s lines for these files (`<hash>  <path>\n`, in byte order of path). */
export function filesDigest(root: string, files: string[]): { count: number; sha256: string } {
  const listing = [...files].sort(byteOrder).map((file) => `${sha256(readFileSync(join(root, file)))}  ${file}\n`);
  return { count: files.length, sha256: sha256(listing.join('')) };
}

/** What in the manifest contradicts itself: an import name no taken path provides, a licence file not taken. */
export function manifestProblems(manifest: Manifest): string[] {
  const problems: string[] = [];
  for (const entry of manifest.packages) {
    const name = entry.debian.package;
    const tops = entry.take
      .map((take) => take.to)
      .filter((to) => !to.startsWith('LICENSES/'))
      .map((to) => to.split('/')[0].replace(/\.py$/, ''));
    if ([...tops].sort().join() !== [...entry.imports].sort().join())
      problems.push(`${name}: imports ${JSON.stringify(entry.imports)}, but its paths give ${JSON.stringify(tops)}`);
    if (!entry.take.some((take) => take.to === entry.licence.file))
      problems.push(`${name}: its licence file ${entry.licence.file} is not among the paths it takes`);
    for (const { path } of entry.leave) {
      if (!entry.take.some((take) => path.startsWith(`${take.from}/`)))
        problems.push(`${name}: leaves out ${path}, which is inside none of the paths it takes`);
    }
  }
  return problems;
}

/**
 * What in `root` (a site-packages/ folder) differs from the manifest: a package whose files
 * are not the manifest's (a file changed, missing or added), a file no package puts there.
 */
export function treeProblems(manifest: Manifest, root = SITE_PACKAGES): string[] {
  const problems = manifestProblems(manifest);
  const owned = new Set<string>(manifest.keep);
  for (const entry of manifest.packages) {
    const files = filesUnder(root, destinations(entry));
    for (const file of files) owned.add(file);
    const missing = destinations(entry).filter((path) => !existsSync(join(root, path)));
    const digest = filesDigest(root, files);
    if (missing.length > 0) problems.push(`${entry.debian.package}: missing ${missing.join(', ')}`);
    else if (digest.count !== entry.files.count || digest.sha256 !== entry.files.sha256) {
      problems.push(
        `${entry.debian.package}: its ${digest.count} files (sha256 ${digest.sha256}) are not the manifest's ${entry.files.count} (sha256 ${entry.files.sha256})`,
      );
    }
  }
  const extra = filesUnder(
    root,
    readdirSync(root).filter((name) => name !== IGNORED),
  ).filter((file) => !owned.has(file));
  if (extra.length > 0) problems.push(`files no package of the manifest puts there: ${extra.join(', ')}`);
  return problems;
}

const run = (command: string, args: string[], cwd?: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Runs apt-get or apt-cache with a configuration of its own in `dir`: the manifest's suite, nothing of the machine's sources. */
function apt(dir: string, mirror: string, manifest: Manifest) {
  const lists = join(dir, 'apt/lists');
  mkdirSync(join(lists, 'partial'), { recursive: true });
  mkdirSync(join(dir, 'apt/cache/archives/partial'), { recursive: true });
  mkdirSync(join(dir, 'apt/sources.list.d'), { recursive: true });
  const { keyring, suite } = manifest.debian;
  if (!existsSync(keyring))
    throw new Error(
      `${keyring} is not there: install Debian's archive keyring (apt-get install debian-archive-keyring), which apt checks the suite's signature with.`,
    );
  writeFileSync(join(dir, 'apt/sources.list'), `deb [signed-by=${keyring}] ${mirror} ${suite} main\n`);
  const options = [
    `Dir::Etc::SourceList=${join(dir, 'apt/sources.list')}`,
    `Dir::Etc::SourceParts=${join(dir, 'apt/sources.list.d')}`,
    `Dir::State::Lists=${lists}`,
    `Dir::Cache=${join(dir, 'apt/cache')}`,
    // A snapshot's suite is signed once, and its signature's validity ends days later.
    ...(mirror === manifest.debian.mirror ? [] : ['Acquire::Check-Valid-Until=false']),
    // As root, apt downloads as the user _apt, who cannot write into a folder of root's.
    ...(process.getuid?.() === 0 ? ['APT::Sandbox::User=root'] : []),
  ].flatMap((option) => ['-o', option]);
  return (tool: 'apt-get' | 'apt-cache', args: string[], cwd?: string) => run(tool, [...options, ...args], cwd);
}

/** Downloads, checks and extracts every package, and assembles site-packages/ in `dir`/site-packages. */
function assemble(manifest: Manifest, dir: string, mirror: string): string {
  const aptGet = apt(dir, mirror, manifest);
  console.log(`Reading the package lists of ${mirror} ${manifest.debian.suite}...`);
  aptGet('apt-get', ['update', '-q']);
  const debs = join(dir, 'debs');
  mkdirSync(debs);
  const wanted = manifest.packages.map(({ debian }) => `${debian.package}=${debian.version}`);
  try {
    aptGet('apt-get', ['download', '-q', ...wanted], debs);
  } catch (error) {
    const offered = manifest.packages
      .map(
        ({ debian }) =>
          `${debian.package} ${debian.version}: ${aptGet('apt-cache', ['policy', debian.package]).match(/Candidate: (.*)/)?.[1] ?? '(none)'} offered`,
      )
      .join('\n  ');
    throw new Error(
      `apt-get could not download every version the manifest names (${(error as { stderr?: string }).stderr?.trim()}).\n  ${offered}\n` +
        'A version that left the suite is on snapshot.debian.org (--mirror); to move to the one offered, change the manifest and record its hashes.',
    );
  }
  const staged = join(dir, 'site-packages');
  for (const entry of manifest.packages) {
    const { package: name, version, sha256: expected } = entry.debian;
    const file = readdirSync(debs).find((deb) => deb.startsWith(`${name}_`) && deb.endsWith('.deb'));
    if (!file) throw new Error(`apt-get gave no .deb for ${name}.`);
    const actual = sha256(readFileSync(join(debs, file)));
    if (actual !== expected) {
      throw new Error(
        `Refusing ${file}: its SHA-256 is ${actual}, the manifest says ${expected} for ${name} ${version}. ` +
          'Debian does not rebuild a version in place, so this is not the file the manifest was made from: nothing was changed.',
      );
    }
    const extracted = join(dir, 'extracted', name);
    mkdirSync(extracted, { recursive: true });
    run('dpkg-deb', ['-x', join(debs, file), extracted]);
    for (const { from, to } of entry.take) {
      if (!existsSync(join(extracted, from))) throw new Error(`${file} has no ${from}: the manifest's paths are not this package's.`);
      cpSync(join(extracted, from), join(staged, to), { recursive: true, verbatimSymlinks: true });
    }
    for (const { path } of entry.leave) {
      const take = entry.take.find(({ from }) => path.startsWith(`${from}/`));
      // A rule that matches nothing would hide a renamed folder of tests that now ships.
      if (!take || !existsSync(join(extracted, path)))
        throw new Error(`${file} has no ${path} to leave out: check the manifest's leave list against the package.`);
      rmSync(join(staged, take.to, path.slice(take.from.length + 1)), { recursive: true });
    }
    if (entry.bundle) {
      const folder = join(extracted, entry.bundle.from);
      const certificates = readdirSync(folder)
        .filter((cert) => cert.endsWith('.crt'))
        .sort(byteOrder);
      // update-ca-certificates appends each with `sed -e '$a\'`: a newline where one is missing.
      const joined = certificates
        .map((cert) => readFileSync(join(folder, cert), 'utf8'))
        .map((text) => (text.endsWith('\n') || text === '' ? text : `${text}\n`));
      mkdirSync(dirname(join(staged, entry.bundle.to)), { recursive: true });
      writeFileSync(join(staged, entry.bundle.to), joined.join(''));
    }
    console.log(
      `  ${name} ${version}: sha256 matches, ${entry.take.length + (entry.bundle ? 1 : 0)} paths taken, ${entry.leave.length} left out`,
    );
  }
  return staged;
}

/** Makes `target` hold exactly `staged`'s files (and the kept ones), writing only what differs. Returns what changed. */
function sync(staged: string, target: string, keep: string[]): string[] {
  const changes: string[] = [];
  const wanted = filesUnder(staged, readdirSync(staged));
  for (const file of wanted) {
    const data = readFileSync(join(staged, file));
    const there = join(target, file);
    if (existsSync(there) && readFileSync(there).equals(data)) continue;
    changes.push(`${existsSync(there) ? 'changed' : 'added'} ${file}`);
    mkdirSync(dirname(there), { recursive: true });
    writeFileSync(there, data);
  }
  const keeping = new Set([...wanted, ...keep]);
  for (const file of filesUnder(
    target,
    readdirSync(target).filter((name) => name !== IGNORED),
  )) {
    if (keeping.has(file)) continue;
    changes.push(`removed ${file}`);
    rmSync(join(target, file));
    for (let folder = dirname(join(target, file)); folder !== target && readdirSync(folder).length === 0; folder = dirname(folder))
      rmdirSync(folder);
  }
  return changes;
}

/** Re-vendors site-packages/ (or `target`) from the manifest's packages. */
export function revendor(manifest: Manifest, options: { mirror?: string; target?: string } = {}): string[] {
  const problems = manifestProblems(manifest);
  if (problems.length > 0) throw new Error(`The manifest contradicts itself:\n  ${problems.join('\n  ')}`);
  const target = options.target ?? SITE_PACKAGES;
  const dir = mkdtempSync(join(tmpdir(), 'revendor-'));
  try {
    const staged = assemble(manifest, dir, options.mirror ?? manifest.debian.mirror);
    const differing = manifest.packages.flatMap((entry) => {
      const digest = filesDigest(staged, filesUnder(staged, destinations(entry)));
      return digest.count === entry.files.count && digest.sha256 === entry.files.sha256
        ? []
        : [
            `${entry.debian.package}: ${digest.count} files, sha256 ${digest.sha256} (the manifest says ${entry.files.count}, ${entry.files.sha256})`,
          ];
    });
    if (differing.length > 0) {
      throw new Error(
        `The packages' files are not the ones the manifest records, so site-packages/ was left as it was:\n  ${differing.join('\n  ')}\n` +
          'If the manifest changed on purpose (a new version, other paths), record these values in its `files`.',
      );
    }
    const changes = sync(staged, target, manifest.keep);
    const left = treeProblems(manifest, target);
    if (left.length > 0) throw new Error(`After copying, site-packages/ still differs from the manifest:\n  ${left.join('\n  ')}`);
    return changes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(args: string[]) {
  const manifest = readManifest();
  const mirror = args.includes('--mirror') ? args[args.indexOf('--mirror') + 1] : undefined;
  const unknown = args.filter((arg, index) => arg !== '--check' && arg !== '--mirror' && args[index - 1] !== '--mirror');
  if (unknown.length > 0 || (args.includes('--mirror') && !mirror)) {
    console.error('Usage: node runtime/vendor/revendor.ts [--check] [--mirror <Debian mirror URL>]');
    return 2;
  }
  try {
    if (args.includes('--check')) {
      const problems = treeProblems(manifest);
      if (problems.length > 0) {
        console.error(
          `site-packages/ differs from manifest.json:\n  ${problems.join('\n  ')}\nRun node runtime/vendor/revendor.ts to put back the manifest's files.`,
        );
        return 1;
      }
      console.log(`site-packages/ holds exactly the files of manifest.json's ${manifest.packages.length} packages.`);
      return 0;
    }
    const changes = revendor(manifest, { mirror });
    console.log(
      changes.length > 0 ? `Re-vendored:\n  ${changes.join('\n  ')}` : 'site-packages/ already held exactly these files: nothing changed.',
    );
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
