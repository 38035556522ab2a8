import type { StorybookConfig } from '@storybook/web-components-vite';
import { PLUGIN_NAME } from '../scripts/inline-runtime-chunk.js';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // The project's Vite config copies the iframe-embed files into builds; Storybook needs none of them.
  // Nor its build plugin for the script-tag bundle's chunks (scripts/inline-runtime-chunk.js).
  viteFinal: (config) => ({
    ...config,
    publicDir: false,
    plugins: (config.plugins ?? []).filter((plugin) => !(plugin && 'name' in plugin && plugin.name === PLUGIN_NAME)),
  }),
};
export default config;
