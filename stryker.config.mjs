// `npm run mutation`: StrykerJS mutates the flow's rules (src/flow/, but the word lists of en.ts and
// pt-BR.ts, which are data) and runs the flow's Node tests against each mutant; it prints the score.
export default {
  testRunner: 'tap',
  plugins: ['@stryker-mutator/tap-runner'],
  tap: {
    testFiles: ['test/flow/*.test.ts'],
    nodeArgs: ['--import', 'tsx'],
  },
  mutate: ['src/flow/**/*.ts', '!src/flow/words/en.ts', '!src/flow/words/pt-BR.ts', '!src/flow/types.ts', '!src/flow/index.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20000,
  tempDirName: '.tmp/stryker',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: '.tmp/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
};
