/**
 * The renderer's only way to the core: `api.call(method, args)`. Inside Electron it goes through
 * the preload's window.api (IPC); in the browser host, over HTTP with the per-run token that
 * arrives once in the page URL. Both answer with the contract's Envelope.
 */
import type { Api, Args, Envelope, Method, Result } from '../../shared/contract';
import { message, type MessageKey } from '../../shared/messages';
import { uiLang } from '../format';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly key: MessageKey,
    message: string,
  ) {
    super(message);
  }
}

type Bridge = { call(method: string, args: unknown): Promise<Envelope<unknown>> };

function httpToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem('pangkalan.token', fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem('pangkalan.token') ?? '';
}

function transport(): Bridge {
  const bridge = (window as unknown as { api?: Bridge }).api;
  if (bridge) return bridge;
  const token = httpToken();
  return {
    async call(method, args) {
      const res = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ method, args }),
      });
      return (await res.json()) as Envelope<unknown>;
    },
  };
}

const bridge = transport();

export const api: Api = {
  async call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
    const env = await bridge.call(method, args);
    // A refusal with its parameters is said in the UI's language; without them, as the core worded it.
    if (!env.ok) throw new ApiError(env.error.code, env.error.key, env.error.params ? message(uiLang(), env.error.key, env.error.params) : env.error.message);
    return env.result as Result<M>;
  },
};

export type OpenedFile = { name: string; dataBase64: string } | { name: string; error: string };
type OpenBridge = { onOpenFile?(cb: (f: OpenedFile) => void): void };
const openListeners = new Set<(f: OpenedFile) => void>();
let openBridged = false;

/**
 * Workbooks the desktop app is handed (Windows "Buka dengan…", a second launch with a file:
 * electron/main/open-file.ts). The browser host has none. Returns the unsubscribe.
 */
export function onOpenFile(cb: (f: OpenedFile) => void): () => void {
  const bridge = (window as unknown as { api?: OpenBridge }).api;
  if (!openBridged && bridge?.onOpenFile) {
    openBridged = true;
    bridge.onOpenFile((f) => openListeners.forEach((l) => l(f)));
  }
  openListeners.add(cb);
  return () => openListeners.delete(cb);
}
