/**
 * The playground's options (PlaygroundOptions.astro): the practice hosts and the notebook
 * cell, kept in the browser (a link with `?notebook`, from a notebook cell's Playground,
 * turns the cell on for that visit). Handed to the playground's example as RUN_OPTIONS,
 * and kept on it for a session made later.
 */
import { DATA, EXAMPLE_TAG } from '../example/dom-names.ts';
import { dispatch, RUN_OPTIONS, type RunOptionsDetail } from '../example/example-events.ts';
import { forEachPage } from '../page/page-swap.ts';
import { NOTEBOOK_QUERY, PLAYGROUND_EXAMPLE } from '../share/playground-link.ts';
import { readSwitch, writeSwitch } from '../storage/settings.ts';

forEachPage(() => {
  const options = document.querySelector<HTMLFieldSetElement>('.playground-options');
  const example = document.querySelector<HTMLElement>(`${EXAMPLE_TAG}[${DATA.exampleId}="${PLAYGROUND_EXAMPLE}"]`);
  if (!options || !example) return;
  const hosts = options.querySelector<HTMLInputElement>('input[name="hosts"]')!;
  const notebook = options.querySelector<HTMLInputElement>('input[name="notebook"]')!;
  const { before } = JSON.parse(options.querySelector('.playground-options__setup')!.textContent!) as { before: string };
  hosts.checked = readSwitch('playgroundHosts') === true;
  notebook.checked = location.search === NOTEBOOK_QUERY || readSwitch('playgroundNotebook') === true;
  const apply = () => {
    const detail: RunOptionsDetail = { notebook: notebook.checked, before: hosts.checked ? before : '' };
    example.setAttribute(DATA.runOptions, JSON.stringify(detail));
    dispatch(example, RUN_OPTIONS, detail);
  };
  hosts.addEventListener('change', () => {
    writeSwitch('playgroundHosts', hosts.checked);
    apply();
  });
  notebook.addEventListener('change', () => {
    writeSwitch('playgroundNotebook', notebook.checked);
    apply();
  });
  apply();
  options.hidden = false;
});
