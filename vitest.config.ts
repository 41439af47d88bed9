import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/page/**/*.test.ts'],
    environment: 'node',
    // Tests over whole laws and traditional conversions take a second or two;
    // on a busy two-core machine they passed 5 s, vitest's default.
    testTimeout: 20_000,
  },
});
