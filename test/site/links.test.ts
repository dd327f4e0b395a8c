import { describe, expect, it } from 'vitest';
import { fileFor, htmlFiles, page } from './dist';

const SITE = 'http://site.test';

/** Internal links and assets of one page: href and src that stay on the site. */
function internalTargets(file: string): URL[] {
  const base = new URL(`/${file.replace(/index\.html$/, '')}`, SITE);
  return page(file)
    .querySelectorAll('[href], [src]')
    .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '')
    .filter((value) => value !== '' && !/^(mailto|data|javascript):/.test(value))
    .map((value) => new URL(value, base))
    .filter((url) => url.origin === SITE);
}

describe('links in dist/', () => {
  const files = htmlFiles();

  it('has the pages of the site', () => {
    expect(files).toEqual(expect.arrayContaining(['index.html', '404.html', 'lessons/executing-tasks/index.html']));
  });

  it.each(files)('%s links only to pages, files and anchors that exist', (file) => {
    const broken: string[] = [];
    for (const url of internalTargets(file)) {
      const target = fileFor(url.pathname);
      if (!target) {
        broken.push(`${url.pathname} (no such file)`);
      } else if (url.hash.length > 1 && target.endsWith('.html')) {
        // A share link (the playground's templates) lands on its example, by the example's id.
        const shared = /^#share-([a-z][a-z0-9-]*)=/.exec(url.hash);
        const id = shared ? `example-${shared[1]}` : decodeURIComponent(url.hash.slice(1));
        if (!page(target).getElementById(id)) broken.push(`${url.pathname}${url.hash.slice(0, 40)} (no such anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the checker notices a broken link', () => {
    expect(fileFor('/lessons/no-such-lesson/')).toBeNull();
    expect(fileFor('/lessons/executing-tasks/')).toBe('lessons/executing-tasks/index.html');
  });
});
