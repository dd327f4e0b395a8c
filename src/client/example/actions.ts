/** The buttons of an example's run bar and its exercise that the session answers, by their `data-action`. */
export const ACTIONS = ['run', 'step', 'check', 'solution', 'stop', 'copy', 'download', 'share', 'reset', 'undo'] as const;
export type Action = (typeof ACTIONS)[number];

/** Every `data-action` of the markup: the session's, Wrap (wrap-lines.ts) and a fragment's Copy (live-example.ts). */
export const BUTTON_ACTIONS = [...ACTIONS, 'wrap', 'copy-fragment'] as const;
export type ButtonAction = (typeof BUTTON_ACTIONS)[number];

export function isAction(name: string | undefined): name is Action {
  return (ACTIONS as readonly (string | undefined)[]).includes(name);
}
