import path from 'node:path';
import { buildIfStale } from '@/lib/cli/build-if-stale';

// The resilience tests start the app as `npm start` does; build it once first, so no test's start waits on a build.
export default function setup() {
  buildIfStale(path.resolve(import.meta.dirname, '../..'));
}
