import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Main and preload bundle for Electron; the renderer is a plain Vite React app that the browser
// host serves too. The preload is CommonJS so the renderer can run sandboxed.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The import reads workbooks in a worker thread: its entry is a chunk of its own, beside
        // index.js (electron/core/import/reader.ts looks for it there).
        input: { index: resolve(__dirname, 'electron/main/index.ts'), 'import-reader': resolve(__dirname, 'electron/core/import/read-worker.ts') },
        external: ['better-sqlite3', 'exceljs'],
      },
      // ECharts (report charts) and zod are bundled: the package carries only better-sqlite3 and
      // exceljs in node_modules (62 MB of ECharts sources and 8 MB of zod stay out of the installer).
      // SheetJS (@e965/xlsx, .xls/.ods) is bundled into the import-reader chunk the same way.
      externalizeDeps: { exclude: ['echarts', 'zod', '@e965/xlsx'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
