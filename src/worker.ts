/**
 * A worker thread of `--threads`: rebuilds the run from its setup (plain data), then lints the batches of
 * files the main thread sends and answers with each file's outcome (plain data), in the order received.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { contentHash } from './engine/cache.js';
import { createFileRunner, type FileTask } from './engine/file-runner.js';
import type { WorkerReply, WorkerRequest } from './engine/pool.js';
import { Timings } from './engine/timing.js';
import { createLintSetup, type RunSetup } from './lint-setup.js';

const { setup, timing: timed } = workerData as { setup: RunSetup; timing: boolean };
const timing = timed ? new Timings() : undefined;
const runner = createFileRunner(createLintSetup(setup.config, setup.only, setup.cwd), setup, timing);
const port = parentPort!;

port.on('message', (message: WorkerRequest) => {
  if (message.type === 'batch') {
    const outcomes = message.tasks.map(([index, task]: [number, FileTask]) => {
      const { text, ...outcome } = runner.run(task);
      const hash = setup.hashForCache && text !== undefined ? contentHash(task, text) : undefined;
      // the text travels back only when the main thread needs it: code frames of findings
      return [index, outcome, outcome.findings.length > 0 ? text : undefined, hash] as const;
    });
    port.postMessage({ type: 'outcomes', outcomes } satisfies WorkerReply);
  } else {
    port.postMessage({ type: 'done', timing: timing?.toJSON() } satisfies WorkerReply);
  }
});
