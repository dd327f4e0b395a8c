import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { mdxToJs, type MdastPluginDefinition } from 'satteri';
import { parseFence, type Example } from './parse-fence.ts';

/** A python fence of a lesson, where it is and what it says. */
export interface LessonExample {
  file: string;
  /** Line of the opening fence in the file. */
  line: number;
  example: Example;
}

/**
 * Every python fence of an MDX file, found by the same Markdown parser as the build
 * (so the doc-tests see exactly the fences the page shows) and parsed by the same
 * fence parser.
 */
export function collectExamples(path: string, file = path): LessonExample[] {
  const found: LessonExample[] = [];
  const collector: MdastPluginDefinition = {
    name: 'asyncio-live-collect-examples',
    options: { position: true },
    code(node) {
      if (node.lang !== 'python') return;
      const line = node.position?.start.line ?? 0;
      found.push({ file, line, example: parseFence(node.meta ?? '', node.value, { file, line }) });
    },
  };
  mdxToJs(readFileSync(path, 'utf8'), { mdastPlugins: [collector], fileURL: pathToFileURL(path), features: { directive: true } });
  return found;
}
