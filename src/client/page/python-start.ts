/** The home page's choice of when Python starts (PythonStart.astro), kept as the `bootEarly` setting (boot-policy.ts). */
import { SETTING_KEYS } from '../storage/keys.ts';
import { readSwitch, writeSwitch } from '../storage/settings.ts';
import { storage } from '../storage/storage.ts';
import { forEachPage } from './page-swap.ts';

forEachPage(() => {
  const box = document.querySelector<HTMLElement>('.python-start');
  const choice = box?.querySelector<HTMLSelectElement>('select');
  if (!box || !choice) return;
  const kept = readSwitch('bootEarly');
  choice.value = kept === null ? '' : kept ? 'on' : 'off';
  choice.addEventListener('change', () => {
    if (choice.value === '') storage()?.removeItem(SETTING_KEYS.bootEarly);
    else writeSwitch('bootEarly', choice.value === 'on');
  });
  box.hidden = false;
});
