/**
 * The vendored packages (runtime/vendor/site-packages/) against their manifest
 * (runtime/vendor/manifest.json), the one list of them: the files on disk are exactly the
 * manifest's, nothing that only tests or type checkers need ships, every package carries its
 * licence, and the import names the page and worker look for are the manifest's.
 * Downloading from Debian is revendor.ts's part; this reads only what is on disk.
 */
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_NAMES, importsPackages } from '../../../runtime/vendor/packages.ts';
import { destinations, filesUnder, manifestProblems, readManifest, SITE_PACKAGES, treeProblems } from '../../../runtime/vendor/revendor.ts';

const manifest = readManifest();

/** Every folder under `root`, relative to it. */
function folders(root: string, path = ''): string[] {
  return readdirSync(join(root, path))
    .map((name) => (path ? `${path}/${name}` : name))
    .filter((entry) => statSync(join(root, entry)).isDirectory())
    .flatMap((entry) => [entry, ...folders(root, entry)]);
}

describe('the files of site-packages/', () => {
  it("are exactly the manifest's: no file missing, none extra but the README, every hash equal", () => {
    expect(treeProblems(manifest)).toEqual([]);
    const listed = new Set([...manifest.keep, ...manifest.packages.flatMap((entry) => filesUnder(SITE_PACKAGES, destinations(entry)))]);
    expect(filesUnder(SITE_PACKAGES, readdirSync(SITE_PACKAGES)).filter((file) => !listed.has(file))).toEqual([]);
  });

  describe('the check', () => {
    let copy = '';
    beforeAll(() => {
      copy = mkdtempSync(join(tmpdir(), 'site-packages-'));
      cpSync(SITE_PACKAGES, copy, { recursive: true });
    });
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it('names the package whose file changed or went missing, and a file no package puts there', () => {
      appendFileSync(join(copy, 'httpx/_api.py'), '\n');
      unlinkSync(join(copy, 'LICENSES/h11.copyright'));
      writeFileSync(join(copy, 'anyio/pytest_plugin.py'), 'import pytest\n');
      writeFileSync(join(copy, 'stray.py'), '');
      const problems = treeProblems(manifest, copy);
      expect(problems.map((problem) => problem.split(':')[0])).toEqual([
        'python3-httpx',
        'python3-h11',
        'python3-anyio',
        'files no package of the manifest puts there',
      ]);
      expect(problems[1]).toBe('python3-h11: missing LICENSES/h11.copyright');
      expect(problems[3]).toBe('files no package of the manifest puts there: stray.py');
    });
  });

  it('hold no tests folder (tests/ or _tests/), no pytest plugin, no py.typed marker', () => {
    expect(folders(SITE_PACKAGES).filter((folder) => /^_?tests$/.test(folder.split('/').at(-1)!))).toEqual([]);
    expect(
      filesUnder(SITE_PACKAGES, readdirSync(SITE_PACKAGES)).filter((file) =>
        /(^|\/)(py\.typed|pytest_plugin\.py|conftest\.py)$/.test(file),
      ),
    ).toEqual([]);
  });
});

describe('the manifest', () => {
  it('agrees with itself: each package provides the names it lists, and takes its licence file', () => {
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('gives every package a licence, as an SPDX expression, whose text is in LICENSES/', () => {
    for (const { licence, debian } of manifest.packages) {
      expect(licence.spdx, debian.package).toMatch(/^[A-Za-z0-9.+-]+( (AND|OR) [A-Za-z0-9.+-]+)*$/);
      expect(licence.file, debian.package).toMatch(/^LICENSES\//);
      expect(readFileSync(join(SITE_PACKAGES, licence.file), 'utf8'), debian.package).toContain('License:');
    }
  });

  it('pins each Debian package by the SHA-256 of its .deb, for a version of the upstream version it names', () => {
    for (const { debian, version } of manifest.packages) {
      expect(debian.sha256, debian.package).toMatch(/^[0-9a-f]{64}$/);
      expect(debian.version.startsWith(version), `${debian.package} ${debian.version} is a packaging of ${version}`).toBe(true);
    }
    expect(new Set(manifest.packages.map(({ debian }) => debian.package)).size).toBe(manifest.packages.length);
  });

  it("is what the README's table shows", () => {
    const readme = readFileSync(join(SITE_PACKAGES, 'README.md'), 'utf8');
    const rows = readme.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| package') && !line.startsWith('| ---'));
    expect(rows).toEqual(
      manifest.packages.map(
        ({ imports, bundle, version, debian, licence }) =>
          `| ${imports[0] ?? `\`${bundle?.to}\``} ${version} | ${debian.package} ${debian.version} | ${licence.spdx} |`,
      ),
    );
  });
});

describe('the import names', () => {
  it("are the manifest's, in its order", () => {
    expect(PACKAGE_NAMES).toEqual(manifest.packages.flatMap((entry) => entry.imports));
  });

  it('are every top-level module of site-packages/: a program that imports any of them gets the packages', () => {
    const modules = readdirSync(SITE_PACKAGES).filter(
      (name) => name.endsWith('.py') || existsSync(join(SITE_PACKAGES, name, '__init__.py')),
    );
    expect([...PACKAGE_NAMES].sort()).toEqual(modules.map((name) => name.replace(/\.py$/, '')).sort());
  });

  it('are what a program imports the packages by', () => {
    expect(PACKAGE_NAMES.filter((name) => !importsPackages(`import ${name}`))).toEqual([]);
    expect(importsPackages('from typing_extensions import Self')).toBe(true);
    expect(importsPackages('import httpxx', 'import ssl')).toBe(false);
    // Named after other modules on one line, as readers write it.
    expect(importsPackages('import asyncio, httpx')).toBe(true);
    expect(importsPackages('import os.path as p, time as t,httpx as h')).toBe(true);
    expect(importsPackages('import asyncio, httpxx', 'from asyncio import httpx')).toBe(false);
  });
});
