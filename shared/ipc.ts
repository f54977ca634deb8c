/** The one IPC channel the preload uses; kept apart from contract.ts so the preload stays tiny. */
export const IPC_CHANNEL = 'pangkalan:call';
