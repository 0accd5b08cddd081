/**
 * Vitest reporter that prints one machine-readable line at the very end of a run:
 *
 *     N passed, N failed, N skipped
 *
 * CI parses this line, so it must stay the last line `npm test` prints and keep this exact shape.
 * It is listed after 'default' in vitest.config.ts so that it runs after the default summary.
 *
 * Counts are of test cases. `skipped` includes `.skip`, `.todo` and tests filtered out by `.only`.
 * A test file that fails outside any test (syntax error, import error, failing beforeAll/afterAll)
 * and an unhandled error during the run each count as one failure, so a broken file can never
 * produce a line reading `0 failed`.
 */
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    _reason: TestRunEndReason,
  ): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const testModule of testModules) {
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1; // 'skipped', or 'pending' if the run was interrupted
      }
      if (testModule.errors().length > 0) failed += 1;
      for (const suite of testModule.children.allSuites()) {
        if (suite.errors().length > 0) failed += 1;
      }
    }
    failed += unhandledErrors.length;
    process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
