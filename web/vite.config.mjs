import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// src/ holds index.html and the app; dist/ is what Maven packages under META-INF/resources.
export default defineConfig({
  root: new URL('./src/', import.meta.url).pathname,
  base: '/',
  plugins: [react()],
  build: { outDir: new URL('./dist/', import.meta.url).pathname, emptyOutDir: true, sourcemap: false },
  define: { __BUILD_ID__: JSON.stringify('dev') },
  server: { proxy: { '/graphql': 'http://127.0.0.1:8080', '/api': 'http://127.0.0.1:8080', '/config.json': 'http://127.0.0.1:8080' } },
});
