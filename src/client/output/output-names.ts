/**
 * The parts of an example's output pane, as output-pane.ts draws them and
 * src/styles/live-example.css styles them (test/unit/client/dom-names.test.ts holds the
 * two together). Apart from the names the components write (dom-names.ts): these load
 * with the pane, on intent, not with the page.
 */
export const OUTPUT = {
  head: 'output__head',
  label: 'output__label',
  status: 'output__status',
  download: 'output__download',
  downloaded: 'output__downloaded',
  times: 'output__times',
  timelineToggle: 'output__timeline-toggle',
  /** How fast the output comes: at once, or in slow motion. */
  pace: 'output__pace',
  /** The loop time slow motion has reached. */
  clock: 'output__clock',
  copy: 'output__copy',
  match: 'output__match',
  text: 'output__text',
  input: 'output__input',
  inputLabel: 'output__input-label',
  error: 'output__error',
  block: 'output__block',
  line: 'output__line',
  stderr: 'output__stderr',
  time: 'output__time',
  /** A notebook cell's value. */
  value: 'output__value',
  valueFirst: 'output__value-first',
  /** A traceback's line, as a button to the code. */
  lineLink: 'output__line-link',
  /** The box the timeline is drawn in (timeline-view.ts names its own parts). */
  timeline: 'timeline',
} as const;
