/** The IPC channels the preload uses; kept apart from contract.ts so the preload stays tiny. */
export const IPC_CHANNEL = 'pangkalan:call';
/** Main → renderer: a workbook the app was opened with (electron/main/open-file.ts). */
export const OPEN_FILE_CHANNEL = 'pangkalan:open-file';
