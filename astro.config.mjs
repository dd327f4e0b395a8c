// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import { fileURLToPath } from 'node:url';
import { liveExamples } from './src/fence/live-examples-plugin.ts';
import { sidebar } from './src/sidebar.ts';
import { CODE_THEMES } from './src/fence/highlight-themes.ts';
import { pyodideFiles } from './src/integrations/pyodide-files.ts';
import { pythonSnapshot } from './src/integrations/python-snapshot.ts';
import { lazyMonacoCss } from './src/integrations/lazy-monaco-css.ts';
import { cspInlineHashes } from './src/integrations/csp-inline-hashes.ts';
import { pageBuild } from './src/integrations/page-build.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { noScriptTheme } from './src/integrations/no-script-theme.ts';
import { editorFiles } from './src/integrations/editor-files.ts';
import { HEADER_POLICY, ISOLATION_HEADERS, POLICY_DIRECTIVES, SCRIPT_SOURCES, STYLE_SOURCES } from './src/security/policy.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  site: 'http://localhost:4321',
  // Static files (the favicon) sit in src/: the top level of the project is kept to its fixed layout.
  publicDir: './src/public',
  // Every python fence of a lesson becomes a live example (src/fence/).
  // Cross-origin isolation, so Stop can interrupt Python through a SharedArrayBuffer
  // (npm start and npm run dev). Without it, Stop ends the worker instead.
  server: {
    headers: { ...ISOLATION_HEADERS, 'Content-Security-Policy': HEADER_POLICY },
  },
  // Content Security Policy on every page: src/security/policy.ts.
  security: {
    csp: {
      directives: [...POLICY_DIRECTIVES],
      scriptDirective: { resources: SCRIPT_SOURCES },
      styleDirective: { resources: STYLE_SOURCES },
    },
  },
  markdown: {
    processor: satteri({ mdastPlugins: [liveExamples(root)] }),
  },
  vite: {
    // The runtime's worker is a module worker (it imports Pyodide's ES module loader).
    worker: { format: 'es' },
    plugins: [lazyMonacoCss()],
    build: {
      // The runtime's Python files are fetched by the page: keep them files, not data:
      // URLs (which the policy's connect-src refuses).
      assetsInlineLimit: (file) => (file.endsWith('.py') ? false : undefined),
      rollupOptions: {
        // Every MDX page trips this warning inside Astro's own asset propagation; it is
        // not about our code, and it buried real warnings in the build log.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  integrations: [
    pyodideFiles(),
    pythonSnapshot(),
    starlight({
      title: 'asyncio-live',
      description: "Learn Python's asyncio with examples you can edit and run in the page.",
      // Lessons live in a top-level content/ folder (see src/content.config.ts);
      // Starlight must still run its asides and heading anchors there.
      markdown: { processedDirs: ['./content'] },
      sidebar,
      lastUpdated: false,
      pagination: true,
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      // Other code blocks (shell, plain text) use the same colours as the live examples.
      expressiveCode: { themes: [CODE_THEMES.dark, CODE_THEMES.light], useStarlightUiThemeColors: true },
      customCss: ['./src/styles/lesson.css', './src/styles/live-example.css'],
      components: { Head: './src/components/Head.astro', Search: './src/components/Search.astro' },
    }),
    pageBuild(),
    cspInlineHashes(),
    editorFiles(),
    noScriptTheme(),
    serviceWorker(),
  ],
});
