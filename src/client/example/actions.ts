/** The buttons of an example's run bar and its exercise, by their `data-action`. */
export const ACTIONS = ['run', 'check', 'solution', 'stop', 'copy', 'download', 'share', 'reset', 'undo'] as const;
export type Action = (typeof ACTIONS)[number];

export function isAction(name: string | undefined): name is Action {
  return (ACTIONS as readonly (string | undefined)[]).includes(name);
}
