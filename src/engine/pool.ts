/**
 * Worker threads over files (`--threads <n|auto>`). Files go out in small batches to whichever worker is
 * free; outcomes come back tagged with the file's index, so the caller assembles them in discovery order and
 * the report is the same whatever the thread count or the timing of the threads.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { InternalError } from '../errors.js';
import type { FileOutcome, FileTask } from './file-runner.js';
import type { TimingData } from './timing.js';

/** Lints one file on the calling thread, for a pool that uses it as one of its threads. */
export type LocalLinter = (task: FileTask) => { outcome: FileOutcome; text: string | undefined; hash: string | undefined };

export type WorkerRequest = { type: 'batch'; tasks: [number, FileTask][] } | { type: 'finish' };
export type WorkerReply =
  | { type: 'outcomes'; outcomes: (readonly [number, FileOutcome, string | undefined, string | undefined])[] }
  | { type: 'done'; timing: TimingData | undefined };

/**
 * Files per thread below which a worker does not pay for itself. Measured on the bench corpus: a worker costs
 * about 2-3 s of CPU before it is as fast as a warm thread (loading and compiling the TypeScript compiler in a
 * fresh isolate, JIT warm-up, its own heap), and a file about 2 ms; so a thread needs on the order of a
 * thousand files to gain wall time.
 */
export const FILES_PER_WORKER = 1000;
const BATCH = 8;

/**
 * `--threads auto`: a thread per two logical CPUs (hyperthread pairs share a core: on this project's 2-vCPU
 * machine two threads cost 1.5x the CPU for no wall-time gain), and only with enough files for each thread.
 * 1 = stay on this thread.
 */
export function autoThreads(files: number, cores = os.availableParallelism()): number {
  const n = Math.min(Math.floor(cores / 2), Math.floor(files / FILES_PER_WORKER));
  return n >= 2 ? n : 1;
}

/**
 * Lints `tasks` in `threads` workers. `onOutcome` is called once per task, in completion order, with the
 * task's index. `setup` is the worker script's data (plain, structured-clone safe). Resolves with the
 * workers' timings added up (when `timing`).
 */
export async function lintInWorkers(
  script: URL,
  tasks: readonly FileTask[],
  setup: unknown,
  threads: number,
  timing: boolean,
  onOutcome: (index: number, outcome: FileOutcome, text: string | undefined, hash: string | undefined) => void,
  local?: LocalLinter,
): Promise<TimingData[]> {
  let next = 0;
  const timings: TimingData[] = [];
  // with a local linter this thread is one of the `threads`: it has its compiler loaded and warm already
  const count = Math.min(local ? threads - 1 : threads, Math.ceil(tasks.length / BATCH));
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: { setup, timing } }));
  const send = (worker: Worker): boolean => {
    if (next >= tasks.length) return false;
    const batch: [number, FileTask][] = [];
    for (; next < tasks.length && batch.length < BATCH; next++) batch.push([next, tasks[next]!]);
    worker.postMessage({ type: 'batch', tasks: batch } satisfies WorkerRequest);
    return true;
  };
  const here = async (): Promise<void> => {
    if (!local) return;
    while (next < tasks.length) {
      const end = Math.min(tasks.length, next + BATCH);
      for (; next < end; next++) {
        const { outcome, text, hash } = local(tasks[next]!);
        onOutcome(next, outcome, text, hash);
      }
      // let the workers' replies in between batches, so they are fed while this thread lints
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([
      here(),
      ...workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const feed = (): void => {
              // two batches in flight, so a worker never waits for the main thread between batches
              while (inFlight < 2 && send(worker)) inFlight++;
              if (inFlight === 0) worker.postMessage({ type: 'finish' } satisfies WorkerRequest);
            };
            worker.on('message', (reply: WorkerReply) => {
              if (reply.type === 'outcomes') {
                inFlight--;
                for (const [index, outcome, text, hash] of reply.outcomes) onOutcome(index, outcome, text, hash);
                feed();
              } else {
                if (reply.timing) timings.push(reply.timing);
                resolve();
              }
            });
            worker.on('error', (error) => reject(new InternalError(`A worker thread failed: ${error.message}`, { cause: error })));
            worker.on('exit', (code) => reject(new InternalError(`A worker thread exited early (code ${code}).`)));
            feed();
          }),
      ),
    ]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return timings;
}
