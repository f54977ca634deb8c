// `node --import ./test/support/electron-hooks.mjs`: `electron` (import or require) resolves to
// the stub, and the app's node:worker_threads to a spy that records each Worker it starts.
import { registerHooks } from 'node:module';

const STUB = new URL('./electron-stub.mjs', import.meta.url).href;
const SPY = new URL('./worker-spy.mjs', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: STUB, format: 'module', shortCircuit: true };
    if ((specifier === 'node:worker_threads' || specifier === 'worker_threads') && context.parentURL && context.parentURL !== SPY && !context.parentURL.includes('/test/support/'))
      return { url: SPY, format: 'module', shortCircuit: true };
    return nextResolve(specifier, context);
  },
});
