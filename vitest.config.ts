import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Both cores: vitest's default leaves one free, which halves a 2-core machine.
    maxWorkers: 2,
    // The test files share their workers' module graph (src/ is loaded once per worker, not once per
    // file). They can: none mocks a module, and runCli restores process.env and the working folder.
    isolate: false,
  },
});
