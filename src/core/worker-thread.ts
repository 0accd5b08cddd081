/**
 * Starting a worker thread from a module beside the caller: the compiled `.js` in dist/, or,
 * when run from the sources (tsx, vitest), the `.ts` through a small bootstrap that registers
 * tsx's loader first (a worker's own module loader knows no TypeScript; as bin/minefree.js does).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `name` without extension (`./read-worker`), resolved beside `callerUrl` (the caller's import.meta.url); `options` the thread's heap limits. */
export function startWorker(
  callerUrl: string,
  name: string,
  workerData: unknown,
  options: Pick<WorkerOptions, 'resourceLimits'> = {},
): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`${name}.js`, callerUrl), { ...options, workerData });
  const api = pathToFileURL(
    createRequire(callerUrl)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const worker = new URL(`${name}.ts`, callerUrl).href;
  const bootstrap = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(bootstrap, { ...options, eval: true, workerData });
}
