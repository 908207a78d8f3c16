// Child of electronegativity.mjs: runs the scanner through its library entry point (dist/runner.js, what its
// CLI calls) and prints the findings as one JSON line. The library hands back every issue with its severity,
// where the CLI's CSV writer races with itself and its SARIF output drops the severity.
import { createRequire } from 'node:module';

const [input, electronVersion] = process.argv.slice(2);
// The scanner is CommonJS without an ESM entry point.
const run = createRequire(import.meta.url)('@doyensec/electronegativity/dist/runner.js');

run(
  {
    input,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: [],
    // Unset severity and confidence mean the lowest of each: every finding comes back.
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
).then(
  (result) => {
    const findings = result.issues.map((issue) => ({
      issue: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file === 'N/A' ? null : issue.file,
      line: issue.location?.line ?? null,
      description: issue.description,
    }));
    process.stdout.write(`\nELECTRONEGATIVITY-FINDINGS ${JSON.stringify({ checks: result.atomicChecks + result.globalChecks, errors: result.errors.length, findings })}\n`);
  },
  (error) => {
    console.error(error && error.stack ? error.stack : String(error));
    process.exit(1);
  },
);
