import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The browser host serves out/renderer: build it once before the suite (skip with E2E_NO_BUILD=1). */
export default function globalSetup(): void {
  if (process.env.E2E_NO_BUILD === '1' && existsSync('out/renderer/index.html')) return;
  execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
}
