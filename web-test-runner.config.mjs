import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findBrowser, chromiumArgs } from './test/find-browser.mjs';
import { realServer } from './test/real-server.mjs';

export default {
  // Answers only a real server gives (redirects, bodies that stall, odd status lines): test/real-server.mjs.
  middleware: [realServer],
  files: ['test/**/*.test.ts', '!test/flow/**'],
  nodeResolve: true,
  concurrency: 2,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findBrowser(), headless: true, args: chromiumArgs },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  // Lit's dev build warns once per page that it is the dev build: true, and said in every file.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
