/**
 * What the page tells about one `<live-example>`: its id, its position before ids, and
 * its parts. Read once, by the tiny element (live-example.ts) and by the session.
 */
export interface ExampleElement {
  element: HTMLElement;
  /** The example's stable id (src/fence/example-ids.ts). */
  id: string;
  /** Its position on the page before examples had ids (legacy-data.ts), or null. */
  legacyIndex: number | null;
}

export function readExampleElement(element: HTMLElement): ExampleElement {
  const legacy = element.dataset.legacyIndex;
  return { element, id: element.dataset.exampleId ?? '', legacyIndex: legacy === undefined ? null : Number(legacy) };
}
