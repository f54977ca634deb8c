/**
 * Exposes exactly one function to the sandboxed renderer: window.api.call(method, args).
 * No raw ipcRenderer; the main process validates every argument against the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL } from '../../shared/ipc';

contextBridge.exposeInMainWorld('api', {
  call: (method: string, args: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, args),
});
