import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

/**
 * Unit tests of the portal's pure logic (labels, query mapping, menu derivation, composables with
 * fake fetchers). Kept apart from vite.config.ts: the tests need neither the dev proxy nor the
 * Element Plus auto-import, and components under test import what they use explicitly.
 */
export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
  },
});
