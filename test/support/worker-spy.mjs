// node:worker_threads for the app under test, with each Worker recorded: its script and the
// kinds of message it sent (so the test sees the import was read in a worker thread).
import * as real from 'node:worker_threads';

export const started = (globalThis.__workersStarted ??= []);

export class Worker extends real.Worker {
  constructor(file, options) {
    super(file, options);
    const entry = { file: String(file), eval: Boolean(options?.eval), messages: [] };
    started.push(entry);
    this.on('message', (m) => entry.messages.push(typeof m === 'object' && m ? m.t : String(m)));
  }
}
export const { isMainThread, parentPort, workerData, threadId, MessageChannel, MessagePort, BroadcastChannel, SHARE_ENV, markAsUntransferable, moveMessagePortToContext, receiveMessageOnPort, resourceLimits, setEnvironmentData, getEnvironmentData } = real;
export default { ...real, Worker };
