/**
 * Exposes exactly two functions to the sandboxed renderer: window.api.call(method, args), and
 * window.api.onOpenFile(cb) for a workbook the app was opened with (electron/main/open-file.ts).
 * No raw ipcRenderer; the main process validates every argument against the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, OPEN_FILE_CHANNEL } from '../../shared/ipc';

contextBridge.exposeInMainWorld('api', {
  call: (method: string, args: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, args),
  onOpenFile: (cb: (file: { name: string; dataBase64?: string; error?: string }) => void) => {
    ipcRenderer.on(OPEN_FILE_CHANNEL, (_e, file: { name: string; dataBase64?: string; error?: string }) => cb(file));
  },
});
