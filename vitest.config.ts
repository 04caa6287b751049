import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // builds dist/ first when it is older than the sources (the CLI tests spawn it), so `vitest` alone tests current code
    globalSetup: ['tests/globalSetup.ts'],
    // The CLI tests spawn the compiled CLI; keep the pool small so that 2-core CI machines are not oversubscribed.
    pool: 'forks',
    testTimeout: 60_000,
  },
});
