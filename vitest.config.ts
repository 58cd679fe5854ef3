import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI; give slow CI machines room without depending on timing.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
