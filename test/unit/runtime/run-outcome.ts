import type { RunEvent, RunHandle } from '../../../runtime/page/api.ts';

/** A run of the page's client, to its end: how it ended, what it printed, its statuses and every event. */
export async function outcomeOf(handle: RunHandle) {
  const events: RunEvent[] = [];
  handle.listen((event) => events.push(event));
  const outcome = await handle.done;
  const output = events.map((e) => (e.type === 'output' ? e.text : '')).join('');
  const statuses = events.flatMap((e) => (e.type === 'status' ? [e.status] : []));
  return { outcome, output, statuses, events };
}
