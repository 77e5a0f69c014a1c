// The baseline's worker thread: serves until the main thread says stop.
import { parentPort, workerData } from 'node:worker_threads';
import { type BaselineOptions, createBaselineServer } from './baseline-server';

const server = await createBaselineServer(workerData as BaselineOptions);
parentPort?.postMessage({ port: server.port });
parentPort?.once('message', async () => {
  await server.close();
  parentPort?.close();
});
