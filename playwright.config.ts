import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/support/find-chromium';

// Workers re-read this file; the port chosen by the main process reaches them through the environment.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
  '-e',
  'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})',
])
  .toString()
  .trim();
const appUrl = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Waits hold on a busy machine (CI, or a laptop building something else): a reload, a save or a server
  // render that takes a second on a quiet machine took over twenty with both cores taken. Expectations wait
  // for the thing itself, up to these bounds, and never sleep.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: appUrl,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: 'fuzz.spec.ts' },
    // Last, so the documents and users it leaves behind slow no other test's pages.
    { name: 'fuzz', testMatch: 'fuzz.spec.ts' },
  ],
  webServer: {
    command: 'node --import tsx tests/e2e/serve.ts',
    url: `${appUrl}/api/health`,
    // The first run builds the app, which takes minutes on a loaded machine.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
