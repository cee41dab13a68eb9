/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { readFileSync } from 'node:fs'
import { defineConfig } from 'vite'

const backend = process.env.OMNIBOX_BACKEND ?? 'http://127.0.0.1:8000'

/**
 * What openapi.json has, in brief: "METHOD /path" of every operation and the property names
 * of every schema. The client turns on features whose endpoints or fields other engineers
 * are still adding (src/api/upcoming.ts) once the schema it is built with has them.
 */
function apiSchemaSummary() {
  const schema = JSON.parse(readFileSync(new URL('./openapi.json', import.meta.url), 'utf8')) as {
    paths?: Record<string, Record<string, unknown>>
    components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> }
  }
  const operations = Object.entries(schema.paths ?? {}).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
  )
  const fields = Object.fromEntries(
    Object.entries(schema.components?.schemas ?? {}).map(([name, s]) => [name, Object.keys(s.properties ?? {})]),
  )
  return { operations, fields }
}

// https://vite.dev/config/
export default defineConfig({
  base: '/',
  plugins: [react()],
  define: {
    __API_SCHEMA__: JSON.stringify(apiSchemaSummary()),
  },
  build: {
    // The built client ships inside the Python package; `omnibox serve` serves it at `/`.
    outDir: '../src/omnibox/webdist',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: backend, ws: true },
      '/hooks': { target: backend },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
