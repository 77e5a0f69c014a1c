import { afterEach, vi } from 'vitest';

// An unexpected console.error is a bug the assertions did not catch.
const errors: unknown[][] = [];
const original = console.error;
console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};

afterEach(() => {
  const seen = errors.splice(0);
  if (seen.length > 0) {
    throw new Error(`console.error was called during the test:\n${seen.map((a) => a.join(' ')).join('\n')}`);
  }
  vi.restoreAllMocks();
});
