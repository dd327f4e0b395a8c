/**
 * Every file of runtime/ and src/ imports only what its folder's README allows
 * (test/lint/import-rules.ts): the layout shows the design, and keeps it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, readRules, violations } from '../../lint/import-rules';

const ROOT = join(import.meta.dirname, '../../..');
const rules = readRules(ROOT, ['runtime', 'src']);
const sources = new Map(
  execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'runtime', 'src'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((file) => /\.(ts|astro|mjs)$/.test(file))
    .map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]),
);

describe('import rules', () => {
  it('every folder of runtime/ and src/ with code states its rule', () => {
    const folders = new Set([...sources.keys()].map((file) => file.slice(0, file.lastIndexOf('/') + 1)));
    const ruled = (folder: string) => rules.some((rule) => folder.startsWith(rule.folder) && rule.mayImport !== null);
    expect([...folders].filter((folder) => !ruled(folder))).toEqual([]);
  });

  it('no file imports across its rule', () => {
    expect(violations(ROOT, rules, sources)).toEqual([]);
  });

  it('catches a wrong import: the page importing the worker, the runtime importing the site, a client module going around the door', () => {
    const wrong = new Map([
      ['runtime/page/runtime.ts', "import { Engine } from '../worker/engine.ts';"],
      ['runtime/worker/engine.ts', "import { storage } from '../../src/client/storage/storage.ts';"],
      ['runtime/protocol/limits.ts', "import { defineConfig } from 'astro/config';"],
      ['src/client/output/output-pane.ts', "import type { Run } from '../../../runtime/page/runtime.ts';"],
      ['src/client/storage/saved-edits.ts', "import { example } from '../example/example-element.ts';"],
    ]);
    expect(violations(ROOT, rules, wrong).map(({ file, imports }) => `${file} -> ${imports}`)).toEqual([
      'runtime/page/runtime.ts -> runtime/worker/engine.ts',
      'runtime/worker/engine.ts -> src/client/storage/storage.ts',
      'runtime/protocol/limits.ts -> astro/config',
      'src/client/output/output-pane.ts -> runtime/page/runtime.ts',
      'src/client/storage/saved-edits.ts -> src/client/example/example-element.ts',
    ]);
  });

  it('reads imports as written: from, dynamic, side effect, type-only, with a query', () => {
    const text =
      "import a from './a.ts';\nimport type { B } from \"../b.ts\";\nconst c = await import('./c.ts');\nimport './d.css';\nimport w from './w.ts?worker&url';\nexport { e } from './e.ts';";
    expect(importsOf(text)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.css', './w.ts?worker&url', './e.ts']);
  });
});

describe("the README's layout", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Layout'), readme.indexOf('\n## ', readme.indexOf('## Layout') + 1));
  const listed = [...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap(([, cell]) => [...cell.matchAll(/`([^`]+\/)`/g)].map(([, path]) => path));

  it('lists only folders that are there', () => {
    expect(listed.length).toBeGreaterThan(20);
    expect(listed.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('lists every folder of runtime/ and src/ that holds code', () => {
    const folders = new Set([...sources.keys()].map((file) => file.slice(0, file.lastIndexOf('/') + 1)));
    expect([...folders].filter((folder) => !listed.includes(folder)).sort()).toEqual([]);
  });
});

describe("runtime/README.md's table of files", () => {
  const readme = readFileSync(join(ROOT, 'runtime/README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Files'), readme.indexOf('\n## ', readme.indexOf('## Files') + 1));
  const listed = [...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap(([, cell]) => [...cell.matchAll(/`([^`]+)`/g)].map(([, path]) => path));

  it('names only files that are there', () => {
    expect(listed.length).toBeGreaterThan(40);
    expect(listed.filter((path) => !existsSync(join(ROOT, 'runtime', path)))).toEqual([]);
  });

  it('names every file of the runtime (its code, its Python, the vendored list)', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'runtime'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((file) => /\.(ts|py|json)$/.test(file) && !file.startsWith('runtime/vendor/site-packages/'))
      .map((file) => file.slice('runtime/'.length));
    expect(files.filter((file) => !listed.includes(file))).toEqual([]);
  });
});
