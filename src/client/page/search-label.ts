/**
 * The search button's name, with the shortcut it shows (Search.astro): "Search Ctrl K".
 * Again for each page a link swaps in (its header is the new page's).
 */
import { forEachPage } from './page-swap.ts';

forEachPage(() => {
  const button = document.querySelector<HTMLButtonElement>('site-search button[data-open-modal]');
  const keys = button?.querySelectorAll(':scope > kbd > kbd');
  if (!button || !keys?.length) return;
  // Spaces between the word and the keys, as the name has them: the button's text read
  // "SearchCtrlK", which no name matches (axe's label-in-name rule compares words).
  const shortcut = keys[0].parentElement!;
  for (const part of [shortcut, ...[...keys].slice(1)]) if (part.previousSibling?.nodeType !== Node.TEXT_NODE) part.before(' ');
  const label = button.getAttribute('aria-label')?.replace(/ .*$/, '') ?? 'Search';
  button.setAttribute('aria-label', `${label} ${[...keys].map((key) => key.textContent?.trim()).join(' ')}`);
});
