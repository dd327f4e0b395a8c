/**
 * The home page's "Continue where you left off" (ContinueWork.astro): the page and example
 * the reader last worked on, from storage (last-work.ts, which checks what it reads).
 */
import { exampleAnchor } from '../example/example-element.ts';
import { lastWork } from '../storage/last-work.ts';
import { storage } from '../storage/storage.ts';
import { forEachPage } from '../page/page-swap.ts';

forEachPage(() => {
  const box = document.querySelector<HTMLElement>('.continue-work');
  const store = storage();
  const work = store && lastWork(store);
  if (!box || !work) return;
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  box.querySelector<HTMLAnchorElement>('.continue-work__link')!.href = `${base}${work.page}#${exampleAnchor(work.example)}`;
  box.querySelector('.continue-work__where')!.textContent = `: ${work.exampleTitle}, in ${work.pageTitle}`;
  box.hidden = false;
});
