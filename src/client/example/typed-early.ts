/**
 * Keys a reader types into an example's static code before its editor is there (the
 * session's module, then Monaco, take a moment; 2.5 to 5 s on a first visit under load):
 * kept as text, typed into the editor once it opens. They were lost.
 */
import { CODE, selector } from './dom-names.ts';

/** The static code's text, where keys are kept. */
const STATIC_CODE = `${selector(CODE.box)} pre`;

export interface TypedEarly {
  /** Stop keeping keys; what was typed, as text. */
  stop(): string;
}

export function keepTyping(root: HTMLElement): TypedEarly {
  let text = '';
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !(event.target as HTMLElement).closest(STATIC_CODE)) return;
    if (event.key.length === 1) text += event.key;
    else if (event.key === 'Enter') text += '\n';
    else if (event.key === 'Backspace') text = text.slice(0, -1);
    else return;
    event.preventDefault();
  };
  root.addEventListener('keydown', onKey);
  let stopped = false;
  return {
    stop() {
      if (!stopped) root.removeEventListener('keydown', onKey);
      stopped = true;
      const kept = text;
      text = '';
      return kept;
    },
  };
}
