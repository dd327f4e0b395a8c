import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const PREFIX = '\0asyncio-live-monaco-css:';

/**
 * Monaco's modules import their own CSS. Left to Vite, that CSS is extracted, and Astro
 * links the CSS of lazily imported modules on every page: 90 KB of render-blocking
 * styles for an editor most readers never open. This plugin turns each of those
 * imports into a module that adds the styles when Monaco itself loads.
 */
export function lazyMonacoCss(): Plugin {
  return {
    name: 'asyncio-live:lazy-monaco-css',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('.css') || !importer?.includes('/node_modules/monaco-editor/')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      // The suffix keeps Vite's CSS handling away from the id.
      return resolved ? `${PREFIX}${resolved.id}.js` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const css = readFileSync(id.slice(PREFIX.length, -'.js'.length), 'utf8');
      return `const style = document.createElement('style');\nstyle.dataset.monaco = '';\nstyle.textContent = ${JSON.stringify(css)};\ndocument.head.append(style);\n`;
    },
  };
}
