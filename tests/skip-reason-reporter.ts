import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** The list reporter hides why a test was skipped; a skip must never be silent, so say it. */
export default class SkipReasonReporter implements Reporter {
  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reasons = test.annotations.filter((a) => a.type === 'skip').map((a) => a.description ?? 'no reason given');
    process.stdout.write(`  skipped: ${test.title} — ${reasons.join('; ')}\n`);
  }
}
