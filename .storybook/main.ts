import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // The project's Vite config copies the iframe-embed files into builds; Storybook needs none of them.
  viteFinal: (config) => ({ ...config, publicDir: false }),
};
export default config;
