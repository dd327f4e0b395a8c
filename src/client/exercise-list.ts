/**
 * The exercises page (src/components/ExerciseList.astro): marks the exercises this
 * reader has solved, from the marks each exercise leaves when its check passes, and
 * counts them.
 */
import { isSolved, solvedKey } from './exercise-progress.ts';

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
