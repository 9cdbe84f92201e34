import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { onDeviceAssets } from './vite/on-device-assets.js';

/** The API server during development (`npm run dev -w server`). */
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/',
  plugins: [react(), onDeviceAssets()],
  resolve: { dedupe: ['react', 'react-dom', 'i18next', 'react-i18next'] },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: api },
      '/socket.io': { target: api, ws: true },
    },
  },
  build: { outDir: 'dist', sourcemap: true },
});
