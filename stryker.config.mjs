// `npm run mutation`: StrykerJS mutates the flow's rules (src/flow/, but the word lists of en.ts,
// pt-BR.ts and es.ts, which are data) and runs the flow's Node tests against each mutant; it prints the score.
export default {
  testRunner: 'tap',
  plugins: ['@stryker-mutator/tap-runner'],
  tap: {
    // The quick files that kill most mutants first: each mutant stops at the first file that fails.
    testFiles: [
      'test/flow/table.test.ts',
      'test/flow/orders.test.ts',
      'test/flow/orders-carried.test.ts',
      'test/flow/orders-repeat.test.ts',
      'test/flow/snapshot.test.ts',
      'test/flow/words.test.ts',
      'test/flow/runner.test.ts',
      'test/flow/host-faults.test.ts',
      'test/flow/host-listeners.test.ts',
      'test/flow/host-runner.test.ts',
      'test/flow/until-ended.test.ts',
      'test/flow/scenarios.test.ts',
      'test/flow/every-order.test.ts',
      'test/flow/locales.test.ts',
      'test/flow/es.test.ts',
    ],
    nodeArgs: ['--import', 'tsx'],
    forceBail: true,
  },
  mutate: ['src/flow/**/*.ts', '!src/flow/words/en.ts', '!src/flow/words/pt-BR.ts', '!src/flow/words/es.ts', '!src/flow/types.ts', '!src/flow/index.ts'],
  // Every test file for every mutant: per-test coverage, with a file as the test, missed mutants the
  // other files kill.
  coverageAnalysis: 'all',
  concurrency: 2,
  timeoutMS: 20000,
  tempDirName: '.tmp/stryker',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: '.tmp/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
};
