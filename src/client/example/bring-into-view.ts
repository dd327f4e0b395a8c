/**
 * Scrolls the page the least that shows the top of `element`, and `room` pixels of it,
 * when they are not in view already: a run's output, drawn under the lesson's
 * "Expected output", started more than a screen below Run on a phone. Nothing moves
 * when it is in view; the scroll is smooth unless the reader asks for less motion.
 */
export function bringIntoView(element: HTMLElement, room: number): void {
  const box = element.getBoundingClientRect();
  // Starlight's header covers the top of the window: the page's scroll padding says how much.
  const covered = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
  const margin = 16;
  let by = 0;
  if (box.top + room > innerHeight) by = box.top + room - innerHeight + margin;
  else if (box.top < covered) by = box.top - covered - margin;
  // Never past the element's own top: a short window shows its start, not its middle.
  if (by > 0) by = Math.min(by, box.top - covered - margin);
  if (Math.abs(by) < 1) return;
  const calm = matchMedia('(prefers-reduced-motion: reduce)').matches;
  scrollBy({ top: by, behavior: calm ? 'instant' : 'smooth' });
}
