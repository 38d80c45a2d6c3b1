import { defineConfig } from 'vitest/config';

// Built into the gateway's classpath (META-INF/resources), which Quarkus serves; the Maven build runs it.
export default defineConfig({
  build: {
    outDir: '../../../target/classes/META-INF/resources',
    emptyOutDir: true,
    // No data: URIs and no inline anything: the Content-Security-Policy allows only our own files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
