import { originsFromEnv } from '@cors-lab/scenarios';
import { defineConfig } from 'vite';
import { devProxy } from './src/dev-proxy.js';

// The dev server listens on the port of VITE_ORIGIN (default http://localhost:5173) and forwards
// to API_ORIGIN; a taken port is an error rather than a silent move to the next one.
const origins = originsFromEnv(process.env);
const { hostname, port } = new URL(origins.vite);

export default defineConfig({
  server: {
    host: hostname,
    port: Number(port),
    strictPort: true,
    proxy: devProxy(origins.api),
  },
  clearScreen: false,
});
