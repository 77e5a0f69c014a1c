import fs from 'node:fs';
import { chromium } from '@playwright/test';

/** Chromium from CHROMIUM_PATH, Debian's package, or Playwright's own install; otherwise say how to get one. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) if (candidate && fs.existsSync(candidate)) return candidate;
  try {
    if (fs.existsSync(chromium.executablePath())) return undefined;
  } catch {}
  throw new Error(
    'No Chromium found for the browser tests. Install one with `apt-get install -y chromium` (Debian/Ubuntu), ' +
      'or `npx playwright install chromium` where downloads work, or set CHROMIUM_PATH to a Chromium binary.',
  );
}

/**
 * Chromium's flags for tests: as root it needs --no-sandbox, and on this closed network its background
 * connections would fail at every start.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
