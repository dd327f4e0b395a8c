/**
 * The exercises page (src/components/ExerciseList.astro): marks the exercises this
 * reader has solved, from the marks each exercise leaves when its check passes, and
 * counts them.
 */
import { isSolved, SOLVED_PREFIX, solvedKey } from '../storage/solved-marks.ts';
import { EDIT_PREFIX } from '../storage/saved-edits.ts';
import { forEachPage } from '../page/page-swap.ts';
import { keysUnder, storage } from '../storage/storage.ts';

// Again for the exercises page swapped in after a link (page-swap.ts).
forEachPage(() => {
  if (!document.querySelector('.exercise-list')) return;
  const items = [...document.querySelectorAll<HTMLElement>('.exercise-list li[data-page]')];
  let solved = 0;
  for (const item of items) {
    if (!isSolved(solvedKey(item.dataset.page!, item.dataset.id!))) continue;
    solved += 1;
    item.classList.add('exercise-list__done');
    item.querySelector('.exercise-list__solved')?.removeAttribute('hidden');
  }
  const summary = document.querySelector<HTMLElement>('.exercise-list__summary');
  if (summary) {
    summary.textContent =
      solved === 0
        ? `${items.length} exercises in all. Solve one and it is marked here (in this browser only).`
        : `You have solved ${solved} of ${items.length} exercises (in this browser).`;
  }

  // Start over: every saved edit (each example shows the lesson's code again), or every
  // solved mark. Said first, then done, and said again: there is no undo.
  const store = storage();
  const reset = document.querySelector<HTMLElement>('.exercise-list__reset');
  if (store && reset) {
    reset.hidden = false;
    const said = reset.querySelector<HTMLElement>('.exercise-list__reset-said')!;
    const prefixes = { edit: EDIT_PREFIX, solved: SOLVED_PREFIX } as const;
    const describe = () => {
      const edits = keysUnder(store, EDIT_PREFIX).length;
      reset.querySelector('[data-forget="edit"]')!.textContent = `Reset all my edits (${edits})`;
    };
    describe();
    for (const button of reset.querySelectorAll<HTMLButtonElement>('button[data-forget]')) {
      button.addEventListener('click', () => {
        const which = button.dataset.forget as keyof typeof prefixes;
        const keys = keysUnder(store, prefixes[which]);
        const what = which === 'edit' ? 'edit' : 'solved mark';
        if (!confirm(`Forget ${keys.length} ${what}${keys.length === 1 ? '' : 's'}? This cannot be undone.`)) return;
        for (const key of keys) store.removeItem(key);
        said.textContent = `Forgot ${keys.length} ${what}${keys.length === 1 ? '' : 's'}.`;
        describe();
        if (which === 'solved') {
          for (const item of items) {
            item.classList.remove('exercise-list__done');
            item.querySelector('.exercise-list__solved')?.setAttribute('hidden', '');
          }
          if (summary) summary.textContent = `${items.length} exercises in all. Solve one and it is marked here (in this browser only).`;
        }
      });
    }
  }
});
