// Browser tests run in Debian's Chromium (never a downloaded browser): see README "Testing".
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { testRoutes } from './test/helpers/test-routes.js';
import { feedTestRoutes } from './test/helpers/feed-test-routes.js';
import { forcedColoursPlugin } from './test/helpers/forced-colours-plugin.js';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  // The elements warn in the console about every bad feed the tests give them; show only errors.
  filterBrowserLogs: ({ type }) => type === 'error',
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 5000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }), forcedColoursPlugin()],
  middleware: [testRoutes, feedTestRoutes],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
        ],
      },
    }),
  ],
};
