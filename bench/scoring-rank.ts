// Scores and ranks a cycle: N applicants × 7 experts × 23 GB/T 19580 items, at N = 500, 1,000, 2,000.
// Run: npm run bench -- scoring-rank
// Prints figures only; nothing here is asserted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFramework, scoredItems, type Framework } from '../shared/domain/frameworks';
import {
  analyseDisagreement,
  assignTiers,
  computeApplicantResult,
  leaveOneExpertOut,
  rankApplicants,
  resolveScoringRules,
  type AggregationMethod,
  type ApplicantScores,
  type ExpertItemScore,
  type TierRule,
} from '../shared/domain/scoring';

const EXPERTS = 7;
const SIZES = [500, 1000, 2000];
const TIERS: TierRule[] = [
  { tierId: 'grand', threshold: { kind: 'percentOfMax', percent: 60 }, quota: 10 },
  { tierId: 'nomination', threshold: { kind: 'percentOfMax', percent: 55 }, quota: 20 },
  { tierId: 'encouragement', threshold: { kind: 'percentOfMax', percent: 50 } },
];

/** Deterministic generator (mulberry32) so every run scores the same field. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function field(framework: Framework, size: number): ApplicantScores[] {
  const random = generator(size);
  const items = scoredItems(framework);
  const clamp = (p: number) => Math.max(0, Math.min(100, p));
  return Array.from({ length: size }, (_, a) => {
    const level = 30 + Math.floor(random() * 9) * 5; // the applicant's true level, 30–70 %
    const expertScores: ExpertItemScore[] = [];
    const consensus: Record<string, number> = {};
    for (const item of items) {
      consensus[item.id] = clamp(level + (Math.floor(random() * 5) - 2) * 5);
      for (let e = 0; e < EXPERTS; e++) {
        expertScores.push({ expertId: `E${e + 1}`, itemId: item.id, percent: clamp(level + (Math.floor(random() * 7) - 3) * 5) });
      }
    }
    return { applicantId: `A${String(a + 1).padStart(4, '0')}`, stages: [{ stageId: 'site', expertScores, consensus }] };
  });
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

const REPEATS = 5;

/** Median of REPEATS runs: other work on the machine (and GC) makes single runs noisy. */
function medianTime<T>(fn: () => T): [T, number] {
  const runs = Array.from({ length: REPEATS }, () => time(fn));
  const sorted = [...runs].sort((a, b) => a[1] - b[1]);
  return sorted[Math.floor(REPEATS / 2)]!;
}

const framework = parseFramework(JSON.parse(readFileSync(join(process.cwd(), 'resources', 'criteria', 'gb-t-19580-2012.json'), 'utf8')));
const methods: AggregationMethod[] = [{ kind: 'consensus' }, { kind: 'mean' }, { kind: 'median' }, { kind: 'trimmedMean', trim: 1 }];

// Warm up the JIT on a small field so the first size is not penalised.
for (const method of methods) {
  const rules = resolveScoringRules({ aggregation: method, tiers: TIERS });
  field(framework, 50).forEach((a) => computeApplicantResult(framework, a, rules));
}

console.log(`scoring-rank: ${EXPERTS} experts × ${scoredItems(framework).length} items per applicant, median of ${REPEATS} runs (node ${process.version})`);
console.log('applicants  method        score (ms)  rank (ms)  tiers (ms)  total (ms)  per applicant (µs)');
const totals = new Map<string, number[]>();
for (const size of SIZES) {
  const applicants = field(framework, size);
  for (const method of methods) {
    const rules = resolveScoringRules({ aggregation: method, tiers: TIERS });
    const [results, scoreMs] = medianTime(() => applicants.map((a) => computeApplicantResult(framework, a, rules)));
    const [ranking, rankMs] = medianTime(() => rankApplicants(results));
    const [, tierMs] = medianTime(() => assignTiers(ranking, TIERS, framework.total));
    const total = scoreMs + rankMs + tierMs;
    totals.set(method.kind, [...(totals.get(method.kind) ?? []), total]);
    console.log(
      `${String(size).padStart(10)}  ${method.kind.padEnd(12)} ${scoreMs.toFixed(1).padStart(11)} ${rankMs.toFixed(1).padStart(10)} ${tierMs
        .toFixed(1)
        .padStart(11)} ${total.toFixed(1).padStart(11)} ${((total * 1000) / size).toFixed(1).padStart(19)}`,
    );
  }
}
console.log('\ngrowth of the total time (relative to 500 applicants; linear would be 1.0 / 2.0 / 4.0):');
for (const [kind, list] of totals) {
  console.log(`  ${kind.padEnd(12)} ${list.map((ms) => (ms / list[0]!).toFixed(2)).join(' / ')}`);
}

// The heavier analyses, at the largest size.
const largest = field(framework, SIZES[SIZES.length - 1]!);
const [, disagreementMs] = time(() => largest.forEach((a) => analyseDisagreement(framework, a.stages[0]!)));
const [, sensitivityMs] = time(() => leaveOneExpertOut(framework, largest, { aggregation: { kind: 'trimmedMean', trim: 1 }, tiers: TIERS }));
console.log(`\n${largest.length} applicants: disagreement for every applicant ${disagreementMs.toFixed(1)} ms; leave-one-expert-out sensitivity (trimmed mean, ${EXPERTS} scenarios) ${sensitivityMs.toFixed(1)} ms`);
