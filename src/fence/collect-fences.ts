import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { mdxToJs, type MdastPluginDefinition } from 'satteri';
import { PageIds } from './example-ids.ts';
import { parseFence, type Example } from './parse-fence.ts';

/** A python fence of a lesson, where it is and what it says. */
export interface LessonExample {
  file: string;
  /** Line of the opening fence in the file. */
  line: number;
  /** Its stable id on the page (example-ids.ts). */
  id: string;
  example: Example;
}

/**
 * Every python fence of an MDX file, found by the same Markdown parser as the build
 * (so the doc-tests see exactly the fences the page shows) and parsed by the same
 * fence parser.
 */
export function collectExamples(path: string, file = path): LessonExample[] {
  const found: LessonExample[] = [];
  const ids = new PageIds();
  const collector: MdastPluginDefinition = {
    name: 'asyncio-live-collect-examples',
    options: { position: true },
    code(node) {
      if (node.lang !== 'python') return;
      const where = { file, line: node.position?.start.line ?? 0 };
      const example = parseFence(node.meta ?? '', node.value, where);
      found.push({ ...where, id: ids.assign(example, where), example });
    },
  };
  mdxToJs(readFileSync(path, 'utf8'), { mdastPlugins: [collector], fileURL: pathToFileURL(path), features: { directive: true } });
  return found;
}
