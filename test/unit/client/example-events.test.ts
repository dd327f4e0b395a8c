import { describe, expect, it } from 'vitest';
import { dispatch, GOTO_LINE, listen, SOLVED, WRAP } from '../../../src/client/example/example-events';

describe('the site’s events', () => {
  it('keep their names: listeners outside the site may know them', () => {
    expect([GOTO_LINE.name, SOLVED.name, WRAP.name]).toEqual(['goto-line', 'asyncio-live:solved', 'asyncio-live:wrap']);
  });

  it('hand the listener the detail sent, typed', () => {
    const target = new EventTarget();
    const lines: number[] = [];
    const wraps: boolean[] = [];
    listen(target, GOTO_LINE, (line) => lines.push(line));
    listen(target, WRAP, (on) => wraps.push(on));
    dispatch(target, GOTO_LINE, 7);
    dispatch(target, WRAP, true);
    expect(lines).toEqual([7]);
    expect(wraps).toEqual([true]);
  });

  it('bubble as declared: a traceback’s line reaches its example', () => {
    const sent: Event[] = [];
    const target = new EventTarget();
    target.addEventListener(GOTO_LINE.name, (event) => sent.push(event));
    target.addEventListener(SOLVED.name, (event) => sent.push(event));
    dispatch(target, GOTO_LINE, 3);
    dispatch(target, SOLVED, undefined);
    expect(sent.map((event) => [event.type, event.bubbles, (event as CustomEvent).detail])).toEqual([
      ['goto-line', true, 3],
      ['asyncio-live:solved', false, null],
    ]);
  });

  it('stop reaching a listener that stopped listening', () => {
    const target = new EventTarget();
    let heard = 0;
    const stop = listen(target, SOLVED, () => heard++);
    dispatch(target, SOLVED, undefined);
    stop();
    dispatch(target, SOLVED, undefined);
    expect(heard).toBe(1);
  });
});
