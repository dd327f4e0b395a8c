/**
 * The keys readers' browsers hold (src/client/storage/keys.ts) never change: a renamed
 * key loses every reader's edits and marks. And every read and write goes through
 * src/client/storage/, with storage that refuses treated as absent.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exampleKey, EXAMPLE_PREFIXES, pageOfExampleKey, SETTING_KEYS, VISITED_PREFIX, visitedKey } from '../../../src/client/storage/keys';
import { keptRecords } from '../../../src/client/storage/kept-records';
import { readPace, readSwitch, writePace, writeSwitch } from '../../../src/client/storage/settings';
import { isSolved, markSolved, solvedByPage, solvedKey } from '../../../src/client/storage/solved-marks';
import { editKey } from '../../../src/client/storage/saved-edits';
import { markVisited, wasVisited } from '../../../src/client/storage/visits';
import { memoryStorage } from './memory-storage';

describe('the storage keys', () => {
  it('are the ones readers’ browsers already hold', () => {
    expect(EXAMPLE_PREFIXES).toEqual({ edit: 'asyncio-live:edit:', solved: 'asyncio-live:solved:' });
    expect(VISITED_PREFIX).toBe('asyncio-live:visited:');
    expect(SETTING_KEYS).toEqual({
      wrap: 'asyncio-live:wrap',
      timeline: 'asyncio-live:timeline',
      loopTimes: 'asyncio-live:loop-times',
      bootEarly: 'asyncio-live:boot-early',
      playgroundHosts: 'asyncio-live:playground-hosts',
      playgroundNotebook: 'asyncio-live:playground-notebook',
      pace: 'asyncio-live:pace',
    });
  });

  it('key each example by page and id (or, from before ids, position), and each page by path', () => {
    expect(editKey('/lessons/x/', 'three-squares')).toBe('asyncio-live:edit:/lessons/x/#three-squares');
    expect(solvedKey('/lessons/x/', 'a')).toBe('asyncio-live:solved:/lessons/x/#a');
    expect(exampleKey('solved', '/lessons/x/', 3)).toBe('asyncio-live:solved:/lessons/x/#3');
    expect(pageOfExampleKey('solved', solvedKey('/lessons/x/', 'a'))).toBe('/lessons/x/');
    expect(visitedKey('/lessons/x/')).toBe('asyncio-live:visited:/lessons/x/');
  });
});

describe('through src/client/storage/', () => {
  let store: Storage;
  beforeEach(() => {
    store = memoryStorage();
    vi.stubGlobal('window', { localStorage: store });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('a switch: on, off, or never chosen', () => {
    expect(readSwitch('timeline')).toBeNull();
    writeSwitch('timeline', false);
    expect(store.getItem('asyncio-live:timeline')).toBe('off');
    expect(readSwitch('timeline')).toBe(false);
    writeSwitch('loopTimes', true);
    expect(store.getItem('asyncio-live:loop-times')).toBe('on');
    expect(readSwitch('loopTimes')).toBe(true);
    store.setItem('asyncio-live:wrap', 'garbage');
    expect(readSwitch('wrap')).toBe(false);
  });

  it('the pace: at once unless chosen, and only a pace the menu offers', () => {
    expect(readPace()).toBe(0);
    writePace(0.25);
    expect(store.getItem('asyncio-live:pace')).toBe('0.25');
    expect(readPace()).toBe(0.25);
    store.setItem('asyncio-live:pace', '1000');
    expect(readPace()).toBe(0);
  });

  it('a switch without storage: never chosen, and a choice that lasts the page', () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(readSwitch('wrap')).toBeNull();
    expect(() => writeSwitch('wrap', true)).not.toThrow();
  });

  it('solved marks, counted by page; visits', () => {
    markSolved(solvedKey('/a/', 'x'));
    markSolved(solvedKey('/a/', 'y'));
    markSolved(solvedKey('/b/', 'x'));
    expect(isSolved(solvedKey('/a/', 'x'))).toBe(true);
    expect(JSON.parse(store.getItem('asyncio-live:solved:/a/#x') ?? 'null')).toEqual({ at: expect.any(Number) });
    expect(solvedByPage(store)).toEqual(
      new Map([
        ['/a/', 2],
        ['/b/', 1],
      ]),
    );
    expect(wasVisited(store, '/a/')).toBe(false);
    markVisited(store, '/a/');
    expect(store.getItem('asyncio-live:visited:/a/')).toBe('1');
    expect(wasVisited(store, '/a/')).toBe(true);
  });

  it('forgets one kind of record, the ones counted and no others', () => {
    store.setItem(editKey('/a/', 'x'), '{}');
    store.setItem(solvedKey('/a/', 'x'), '{"at":1}');
    const edits = keptRecords(store, 'edit');
    expect(edits.count).toBe(1);
    store.setItem(editKey('/a/', 'later'), '{}');
    edits.forget();
    expect([store.getItem(editKey('/a/', 'x')), store.getItem(editKey('/a/', 'later')), store.getItem(solvedKey('/a/', 'x'))]).toEqual([
      null,
      '{}',
      '{"at":1}',
    ]);
  });
});
