import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };

// Reported by each kiosk to the proxy, so an operator sees which build a kiosk runs.
const APP_VERSION = `${pkg.version}+${new Date().toISOString().slice(0, 16).replace(/\D/g, '')}`;

export default defineConfig({
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(APP_VERSION) },
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifest: {
        name: 'Kenjo Kiosk',
        short_name: 'Kiosk',
        description: 'Time clock for Kenjo',
        display: 'fullscreen',
        start_url: '/',
        background_color: '#0f172a',
        theme_color: '#0f172a',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      // The admin console is not part of the kiosk's offline shell.
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        globIgnores: ['admin/**', '**/admin-*.js'],
      },
    }),
  ],
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rollupOptions: {
      input: {
        kiosk: resolve(import.meta.dirname, 'index.html'),
        admin: resolve(import.meta.dirname, 'admin/index.html'),
      },
      // @date-fns/tz patches only its own date class when loaded, yet declares no `sideEffects`: without this, every
      // chunk that reaches core/wall-time.ts keeps that class even when nothing in it is used (the kiosk's case).
      treeshake: { moduleSideEffects: (id) => !/[\\/]@date-fns[\\/]tz[\\/]/.test(id) },
    },
  },
});
