import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { MdastPluginDefinition, MdastPluginEntry, PluginFactoryContext } from 'satteri';
import { PageIds } from './example-ids.ts';
import { legacyIndex } from './legacy-indexes.ts';
import { parseFence } from './parse-fence.ts';

/** The MDX component every python fence becomes; imported into each page that has one. */
const COMPONENT = 'LiveExample';
const COMPONENT_PATH = '/src/components/LiveExample.astro';

/**
 * Sätteri mdast plugin: replaces each python fence of an MDX lesson with
 * `<LiveExample example={...} index={n} id="..." />` and adds the component's import.
 * Fence mistakes, and two examples with one id, stop the build with the file, the line
 * and what to write instead.
 *
 * It is a factory so every document gets its own counter and ids: documents compile
 * concurrently, and example numbers must follow the order within one page.
 */
export function liveExamples(root: string): MdastPluginEntry {
  return ({ fileURL, sourceFormat, source }: PluginFactoryContext) => {
    if (sourceFormat !== 'mdx' || !source.includes('```python')) return null;
    const file = fileURL ? relative(root, fileURLToPath(fileURL)) : '(unknown file)';
    return examplesOf(file);
  };
}

function examplesOf(file: string): MdastPluginDefinition {
  let count = 0;
  const ids = new PageIds();
  return {
    name: 'asyncio-live-examples',
    options: { position: true },
    code(node) {
      if (node.lang !== 'python') return;
      const where = { file, line: node.position?.start.line ?? 0 };
      const example = parseFence(node.meta ?? '', node.value, where);
      const id = ids.assign(example, where);
      const index = count++;
      return {
        type: 'mdxJsxFlowElement',
        name: COMPONENT,
        attributes: [
          { type: 'mdxJsxAttribute', name: 'example', value: expression(JSON.stringify(example)) },
          { type: 'mdxJsxAttribute', name: 'index', value: expression(String(index)) },
          { type: 'mdxJsxAttribute', name: 'id', value: id },
          { type: 'mdxJsxAttribute', name: 'legacyIndex', value: expression(String(legacyIndex(file, id))) },
        ],
        children: [],
      };
    },
    after(tree, ctx) {
      if (count > 0) ctx.prependChild(tree, { type: 'mdxjsEsm', value: `import ${COMPONENT} from '${COMPONENT_PATH}';` });
    },
  };
}

function expression(value: string) {
  return { type: 'mdxJsxAttributeValueExpression' as const, value };
}
