/**
 * The reader's switches (keys.ts): Wrap, the timeline, loop times, kept for every page
 * as "on" or "off"; and the pace of a run's output. Without storage, each choice lasts as
 * long as the page.
 */
import { SETTING_KEYS, type Setting } from './keys.ts';
import { storage } from './storage.ts';

/** The reader's choice: on, off (anything kept but "on"), or null when they never chose. */
export function readSwitch(setting: Exclude<Setting, 'pace'>): boolean | null {
  const kept = storage()?.getItem(SETTING_KEYS[setting]) ?? null;
  return kept === null ? null : kept === 'on';
}

export function writeSwitch(setting: Exclude<Setting, 'pace'>, on: boolean): void {
  try {
    storage()?.setItem(SETTING_KEYS[setting], on ? 'on' : 'off');
  } catch {
    // storage full: the choice lasts as long as the page
  }
}

/** The paces a run's output can come at: at once (0), or loop seconds per real second (slow motion). */
export const PACES = [0, 1, 2, 0.25] as const;
export type Pace = (typeof PACES)[number];

/** The reader's pace: at once unless they chose another. */
export function readPace(): Pace {
  const kept = Number(storage()?.getItem(SETTING_KEYS.pace) ?? 0);
  return (PACES as readonly number[]).includes(kept) ? (kept as Pace) : 0;
}

export function writePace(pace: Pace): void {
  try {
    storage()?.setItem(SETTING_KEYS.pace, String(pace));
  } catch {
    // storage full: the choice lasts as long as the page
  }
}
