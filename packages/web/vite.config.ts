import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
      // The public portal is server-rendered HTML, not a route of this application. A pattern, not a
      // prefix: "/cong-khai-du-lieu" is the application's own publishing page.
      '^/cong-khai([/?]|$)': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
});
