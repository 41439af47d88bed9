/**
 * Builds the `yuanwen` CLI into one self-contained Node module,
 * dist/cli/yuanwen.mjs, with the corpus and every dependency bundled in
 * (bin/yuanwen.mjs loads it).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  // public/ holds extension assets (icons, locales), not the CLI's.
  publicDir: false,
  build: {
    ssr: resolve(import.meta.dirname, 'src/cli/main.ts'),
    outDir: resolve(import.meta.dirname, 'dist/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'yuanwen.mjs', format: 'es' } },
  },
  ssr: { noExternal: true, target: 'node' },
});
