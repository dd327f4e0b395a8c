/**
 * The import rules of the tree, read from the folders' READMEs: a folder's README.md
 * says what its files may import (`May import: runtime/protocol/, src/fence/example-data.ts`,
 * or `nothing`), and may name the packages they may use (`May use packages: pyodide`).
 * A file's rule is its nearest folder's; a file may always import from its own folder.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface Rule {
  /** Folder the README is in, relative to the root, with a trailing slash. */
  folder: string;
  /** Paths (folders end in `/`) a file under the folder may import; its own folder always. */
  mayImport: string[] | null;
  /** Bare package names the files may import (`node:` built-ins always); null: any. */
  mayUsePackages: string[] | null;
}

/** One import that breaks its file's rule. */
export interface Violation {
  file: string;
  imports: string;
  rule: string;
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

/** The modules a source file imports, as written (`./a.ts`, `pyodide`, `../x.ts?worker&url`). */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) found.push(match[1] ?? match[2] ?? match[3]);
  return found;
}

/** The rule a README states, or null when it states none. */
export function ruleOf(folder: string, readme: string): Rule | null {
  const line = (label: string) => readme.match(new RegExp(`^${label}:\\s*(.+)$`, 'm'))?.[1].trim() ?? null;
  const list = (value: string | null) =>
    value === null
      ? null
      : value === 'nothing'
        ? []
        : value
            .replace(/\([^)]*\)/g, '')
            .split(/,\s*/)
            .map((item) => item.split(/\s/)[0]);
  const mayImport = list(line('May import'));
  const mayUsePackages = list(line('May use packages'));
  if (mayImport === null && mayUsePackages === null) return null;
  return { folder, mayImport, mayUsePackages };
}

/** Every rule under `root`, by folder. */
export function readRules(root: string, folders: string[]): Rule[] {
  const rules: Rule[] = [];
  const walk = (folder: string) => {
    const readme = join(root, folder, 'README.md');
    if (existsSync(readme)) {
      const rule = ruleOf(`${folder}/`, readFileSync(readme, 'utf8'));
      if (rule) rules.push(rule);
    }
    for (const entry of readdirSync(join(root, folder))) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      if (statSync(join(root, folder, entry)).isDirectory()) walk(`${folder}/${entry}`);
    }
  };
  folders.forEach(walk);
  return rules;
}

/** The nearest rule with `key` set for a file (path relative to the root). */
function nearest(rules: Rule[], file: string, key: 'mayImport' | 'mayUsePackages'): Rule | null {
  return (
    rules.filter((rule) => file.startsWith(rule.folder) && rule[key] !== null).sort((a, b) => b.folder.length - a.folder.length)[0] ?? null
  );
}

/** What in `files` (path relative to the root -> text) imports across its rule. */
export function violations(root: string, rules: Rule[], files: Map<string, string>): Violation[] {
  const found: Violation[] = [];
  for (const [file, text] of files) {
    const paths = nearest(rules, file, 'mayImport');
    const packages = nearest(rules, file, 'mayUsePackages');
    for (const spec of importsOf(text)) {
      if (spec.startsWith('.')) {
        if (!paths) continue;
        const written = relative(root, resolve(root, dirname(file), spec.split('?')[0]));
        // Written without its extension: the file it names.
        const target = !/\.[a-z]+$/.test(written) && existsSync(join(root, `${written}.ts`)) ? `${written}.ts` : written;
        const allowed = [paths.folder, ...paths.mayImport!].some((path) =>
          path.endsWith('/') ? target.startsWith(path) : target === path,
        );
        if (!allowed)
          found.push({ file, imports: target, rule: `${paths.folder}README.md: May import: ${paths.mayImport!.join(', ') || 'nothing'}` });
      } else if (packages && !spec.startsWith('node:')) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!packages.mayUsePackages!.includes(name))
          found.push({
            file,
            imports: spec,
            rule: `${packages.folder}README.md: May use packages: ${packages.mayUsePackages!.join(', ')}`,
          });
      }
    }
  }
  return found;
}
