import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/**
 * Debian's chromium, driven by playwright-core (the test tool's own browser download
 * cannot work on these machines). The flags keep a headless root session from
 * reaching for the network at start-up.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the browser tests need it. ` +
        'Install it with `apt-get install chromium` (bash .ci/run does), or set CHROMIUM_PATH.',
    );
  }
}

/** A headless browser; give each test its own context (`browser.newContext()`). */
export async function launchBrowser(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** A one-off persistent profile (screenshots, benchmarks). */
export async function launchChromium(options: { javaScript?: boolean } = {}): Promise<BrowserContext> {
  requireChromium();
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'asyncio-live-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    javaScriptEnabled: options.javaScript ?? true,
    args: ARGS,
  });
}
