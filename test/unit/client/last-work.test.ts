/** The example last worked on, as kept for the home page: what comes back from storage is checked before it becomes a link. */
import { describe, expect, it } from 'vitest';
import { lastWork, rememberWork } from '../../../src/client/storage/last-work';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe('the last work kept', () => {
  it('comes back as it was kept, titles cut to 120 characters', () => {
    const store = memoryStorage();
    expect(lastWork(store)).toBeNull();
    rememberWork(store, {
      page: '/lessons/executing-tasks/',
      example: 'three-squares',
      pageTitle: 'Executing tasks',
      exampleTitle: 'x'.repeat(500),
    });
    expect(lastWork(store)).toEqual({
      page: '/lessons/executing-tasks/',
      example: 'three-squares',
      pageTitle: 'Executing tasks',
      exampleTitle: 'x'.repeat(120),
    });
  });

  it.each([
    ['another site', { page: '//evil.example/', example: 'a' }],
    ['a script', { page: 'javascript:alert(1)', example: 'a' }],
    ['an example id that is not one', { page: '/playground/', example: '"><img>' }],
    ['a title that is not text', { page: '/playground/', example: 'a', pageTitle: 7 }],
    ['another version', { v: 2, page: '/playground/', example: 'a' }],
  ])('refuses %s', (_, planted) => {
    const store = memoryStorage();
    store.setItem('asyncio-live:last-work', JSON.stringify({ v: 1, pageTitle: 'P', exampleTitle: 'E', ...planted }));
    expect(lastWork(store)).toBeNull();
  });

  it('refuses what is not JSON', () => {
    const store = memoryStorage();
    store.setItem('asyncio-live:last-work', '{nope');
    expect(lastWork(store)).toBeNull();
  });
});
