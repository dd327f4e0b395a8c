/**
 * The exercises page (src/components/ExerciseList.astro): marks the exercises this
 * reader has solved, from the marks each exercise leaves when its check passes, and
 * counts them.
 */
import { isSolved, solvedKey } from '../storage/solved-marks.ts';
import { EXAMPLE_RECORDS } from '../storage/keys.ts';
import { keptRecords } from '../storage/kept-records.ts';
import { forEachPage } from '../page/page-swap.ts';
import { storage } from '../storage/storage.ts';
import { EXERCISE_LIST, forgetButton, LISTED_ITEM, readListed } from './exercise-list-names.ts';

const WHAT = { edit: 'edit', solved: 'solved mark' } as const;

// Again for the exercises page swapped in after a link (page-swap.ts).
forEachPage(() => {
  if (!document.querySelector(`.${EXERCISE_LIST.list}`)) return;
  const items = [...document.querySelectorAll<HTMLElement>(LISTED_ITEM)];
  const solvedMark = (item: HTMLElement) => item.querySelector(`.${EXERCISE_LIST.solved}`);
  let solved = 0;
  for (const item of items) {
    const { page, id } = readListed(item);
    if (!isSolved(solvedKey(page, id))) continue;
    solved += 1;
    item.classList.add(EXERCISE_LIST.done);
    solvedMark(item)?.removeAttribute('hidden');
  }
  const summary = document.querySelector<HTMLElement>(`.${EXERCISE_LIST.summary}`);
  if (summary) {
    summary.textContent =
      solved === 0
        ? `${items.length} exercises in all. Solve one and it is marked here (in this browser only).`
        : `You have solved ${solved} of ${items.length} exercises (in this browser).`;
  }

  // Start over: every saved edit (each example shows the lesson's code again), or every
  // solved mark. Said first, then done, and said again: there is no undo.
  const store = storage();
  const reset = document.querySelector<HTMLElement>(`.${EXERCISE_LIST.reset}`);
  if (store && reset) {
    reset.hidden = false;
    const said = reset.querySelector<HTMLElement>(`.${EXERCISE_LIST.resetSaid}`)!;
    const describe = () => {
      reset.querySelector(forgetButton('edit'))!.textContent = `Reset all my edits (${keptRecords(store, 'edit').count})`;
    };
    describe();
    for (const record of EXAMPLE_RECORDS) {
      const button = reset.querySelector<HTMLButtonElement>(forgetButton(record));
      button?.addEventListener('click', () => {
        const kept = keptRecords(store, record);
        const what = WHAT[record];
        if (!confirm(`Forget ${kept.count} ${what}${kept.count === 1 ? '' : 's'}? This cannot be undone.`)) return;
        kept.forget();
        said.textContent = `Forgot ${kept.count} ${what}${kept.count === 1 ? '' : 's'}.`;
        describe();
        if (record === 'solved') {
          for (const item of items) {
            item.classList.remove(EXERCISE_LIST.done);
            solvedMark(item)?.setAttribute('hidden', '');
          }
          if (summary) summary.textContent = `${items.length} exercises in all. Solve one and it is marked here (in this browser only).`;
        }
      });
    }
  }
});
