import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIERS,
  certificateSettingsGaps,
  defaultCycleSettings,
  formatCertificateNumber,
  minimumExperts,
  parseCycleSettings,
  parseNumberPattern,
  stagesInUse,
  tierDisplayName,
  tierThresholdHundredths,
  type CycleSettings,
} from '../../../shared/domain/cycle-settings';
import { AppError } from '../../../shared/api/errors';
import { DEFAULT_ELIGIBILITY_RULES } from '../../../shared/domain/eligibility';

const withPatch = (patch: (s: CycleSettings) => void): unknown => {
  const s = defaultCycleSettings();
  patch(s);
  return s;
};

const fieldsOf = (input: unknown) => {
  const parsed = parseCycleSettings(input);
  if (parsed.ok) throw new Error('expected refusal');
  return parsed.fields;
};

describe('defaults', () => {
  it('are valid and match the common practice', () => {
    const defaults = defaultCycleSettings();
    const parsed = parseCycleSettings(defaults);
    expect(parsed).toEqual({ ok: true, value: defaults });
    expect(defaults.stages).toEqual({ documentReview: 30, presentation: null, siteVisit: 70 });
    expect(defaults.aggregation).toEqual({ method: 'consensus' });
    expect(defaults.disagreementThreshold).toBe(20);
    expect(defaults.eligibility).toEqual(DEFAULT_ELIGIBILITY_RULES);
    expect(defaults.selfAssessmentLimit).toBe(30000);
    expect(defaults.certificate.numberPattern).toBe('{year}-ZLJ-{seq:03}');
    expect(defaults.tiers.map((t) => [t.id, t.threshold])).toEqual([
      ['award', { kind: 'percentOfMax', percent: 60 }],
      ['nomination', { kind: 'percentOfMax', percent: 55 }],
      ['encouragement', { kind: 'percentOfMax', percent: 50 }],
    ]);
  });

  it('are a fresh copy each time', () => {
    const a = defaultCycleSettings();
    a.tiers[0]!.threshold = { kind: 'percentOfMax', percent: 99 };
    a.eligibility.minYearsRegistered = 9;
    expect(defaultCycleSettings().tiers[0]!.threshold).toEqual({ kind: 'percentOfMax', percent: 60 });
    expect(defaultCycleSettings().eligibility.minYearsRegistered).toBe(3);
    expect(DEFAULT_TIERS[0]!.threshold).toEqual({ kind: 'percentOfMax', percent: 60 });
  });
});

describe('stages', () => {
  it('accept an optional presentation when weights sum to 100', () => {
    const input = withPatch((s) => (s.stages = { documentReview: 30, presentation: 20, siteVisit: 50 }));
    const parsed = parseCycleSettings(input);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(stagesInUse(parsed.value.stages)).toEqual(['documentReview', 'presentation', 'siteVisit']);
    expect(stagesInUse(defaultCycleSettings().stages)).toEqual(['documentReview', 'siteVisit']);
  });

  it('refuse weights that do not sum to 100, and fractional weights', () => {
    expect(fieldsOf(withPatch((s) => (s.stages.siteVisit = 60)))).toEqual([{ path: 'stages', key: 'applicants.cycle.stages.sum', params: { sum: 90 } }]);
    expect(fieldsOf(withPatch((s) => (s.stages = { documentReview: 30.5, presentation: null, siteVisit: 69.5 })))).toContainEqual({
      path: 'stages.documentReview',
      key: 'applicants.validation.integer',
    });
  });
});

describe('aggregation', () => {
  it('accepts each method and needs enough experts for a trimmed mean', () => {
    for (const aggregation of [{ method: 'mean' }, { method: 'median' }, { method: 'trimmedMean', trim: 1 }] as const) {
      expect(parseCycleSettings(withPatch((s) => (s.aggregation = aggregation))).ok).toBe(true);
    }
    expect(minimumExperts({ method: 'trimmedMean', trim: 2 })).toBe(5);
    expect(minimumExperts({ method: 'consensus' })).toBe(1);
  });

  it('refuses an unknown method or a trimmed mean without k', () => {
    expect(fieldsOf(withPatch((s) => ((s as { aggregation: unknown }).aggregation = { method: 'mode' })))).toEqual([
      { path: 'aggregation.method', key: 'applicants.cycle.aggregation.method' },
    ]);
    expect(fieldsOf(withPatch((s) => ((s as { aggregation: unknown }).aggregation = { method: 'trimmedMean', trim: 0 })))).toEqual([
      { path: 'aggregation.trim', key: 'applicants.validation.tooSmall', params: { min: 1 } },
    ]);
  });

  it('refuses a disagreement threshold outside 0..100', () => {
    expect(fieldsOf(withPatch((s) => (s.disagreementThreshold = 120)))).toEqual([
      { path: 'disagreementThreshold', key: 'applicants.validation.tooBig', params: { max: 100 } },
    ]);
  });
});

describe('tiers', () => {
  it('accept point thresholds with quotas and names in three languages', () => {
    const input = withPatch((s) => {
      s.tiers = [
        { id: 'gold', name: { kind: 'text', 'zh-CN': '金奖', en: 'Gold', 'zh-TW': '金獎' }, threshold: { kind: 'points', points: 600 }, quota: 2 },
        { id: 'silver', name: { kind: 'text', 'zh-CN': '银奖', en: 'Silver', 'zh-TW': '銀獎' }, threshold: { kind: 'points', points: 550 }, quota: null },
      ];
      s.totalQuota = 10;
    });
    const parsed = parseCycleSettings(input);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(tierDisplayName(parsed.value.tiers[0]!, 'zh-TW', () => 'unused')).toBe('金獎');
    expect(tierDisplayName(DEFAULT_TIERS[1]!, 'en', (k) => `t(${k})`)).toBe('t(applicants.cycle.tier.nomination)');
  });

  it('refuse thresholds that do not fall, mixed kinds, duplicate ids and an empty list', () => {
    expect(fieldsOf(withPatch((s) => (s.tiers[1]!.threshold = { kind: 'percentOfMax', percent: 60 })))).toEqual([
      { path: 'tiers.1.threshold.percent', key: 'applicants.cycle.tiers.notDescending', params: { previous: 60 } },
    ]);
    expect(fieldsOf(withPatch((s) => (s.tiers[2]!.threshold = { kind: 'points', points: 500 })))).toEqual([
      { path: 'tiers.2.threshold.kind', key: 'applicants.cycle.tiers.mixedKinds' },
    ]);
    expect(fieldsOf(withPatch((s) => (s.tiers[2]!.id = 'award')))).toEqual([
      { path: 'tiers.2.id', key: 'applicants.cycle.tiers.duplicateId', params: { id: 'award' } },
    ]);
    expect(fieldsOf(withPatch((s) => (s.tiers = [])))).toEqual([{ path: 'tiers', key: 'applicants.cycle.tiers.none', params: { min: 1 } }]);
  });

  it('refuse a custom name missing a language and a quota of 0', () => {
    const fields = fieldsOf(
      withPatch((s) => {
        s.tiers[0]!.name = { kind: 'text', 'zh-CN': '大奖', en: ' ', 'zh-TW': '大獎' };
        s.tiers[0]!.quota = 0;
      }),
    );
    expect(fields).toEqual([
      { path: 'tiers.0.name.en', key: 'applicants.validation.required', params: { min: 1 } },
      { path: 'tiers.0.quota', key: 'applicants.validation.tooSmall', params: { min: 1 } },
    ]);
  });

  it('converts thresholds to hundredths of a point', () => {
    expect(tierThresholdHundredths({ kind: 'percentOfMax', percent: 55 }, 1000)).toBe(55000);
    expect(tierThresholdHundredths({ kind: 'percentOfMax', percent: 55 }, 990)).toBe(54450);
    expect(tierThresholdHundredths({ kind: 'points', points: 620 }, 1000)).toBe(62000);
  });
});

describe('certificate numbers', () => {
  it('formats the default pattern', () => {
    expect(formatCertificateNumber('{year}-ZLJ-{seq:03}', { year: 2026, seq: 7 })).toBe('2026-ZLJ-007');
    expect(formatCertificateNumber('{year}-ZLJ-{seq:03}', { year: 2026, seq: 1234 })).toBe('2026-ZLJ-1234');
    expect(formatCertificateNumber('质奖字〔{year}〕第{seq}号', { year: 2026, seq: 12 })).toBe('质奖字〔2026〕第12号');
  });

  it('keeps the sequence readable and the pattern text intact (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1990, max: 2100 }), (width, seq, year) => {
        const out = formatCertificateNumber(`QA-{year}-{seq:0${width}}`, { year, seq });
        const digits = out.slice(`QA-${year}-`.length);
        expect(out.startsWith(`QA-${year}-`)).toBe(true);
        expect(Number(digits)).toBe(seq);
        expect(digits.length).toBe(Math.max(width, String(seq).length));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['{year}-ZLJ', 'applicants.cycle.certificate.patternSeq'],
    ['{seq}-{seq}', 'applicants.cycle.certificate.patternSeq'],
    ['{year}-{num}', 'applicants.cycle.certificate.patternToken'],
    ['{seq:00}', 'applicants.cycle.certificate.patternToken'],
    ['{year-{seq}', 'applicants.cycle.certificate.patternBraces'],
    ['{seq}}', 'applicants.cycle.certificate.patternBraces'],
    ['', 'applicants.cycle.certificate.patternLength'],
    ['A\u0007{seq}', 'applicants.cycle.certificate.patternCharacter'],
  ])('refuses the pattern %j', (pattern, key) => {
    const parsed = parseNumberPattern(pattern);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.key).toBe(key);
  });

  it('refuses a bad pattern in settings on the field, and a bad sequence when formatting', () => {
    expect(fieldsOf(withPatch((s) => (s.certificate.numberPattern = 'ZLJ-001')))).toEqual([
      { path: 'certificate.numberPattern', key: 'applicants.cycle.certificate.patternSeq' },
    ]);
    expect(() => formatCertificateNumber('{seq}', { year: 2026, seq: 0 })).toThrow(AppError);
    expect(() => formatCertificateNumber('{seq', { year: 2026, seq: 1 })).toThrow(AppError);
  });

  it('lists what is missing before certificates can be printed', () => {
    expect(certificateSettingsGaps(defaultCycleSettings().certificate).map((g) => g.path)).toEqual([
      'certificate.issuingAuthority',
      'certificate.awardName',
    ]);
    expect(certificateSettingsGaps({ issuingAuthority: '福州市人民政府', awardName: '福州市政府质量奖', numberPattern: '{seq}' })).toEqual([]);
  });
});

describe('deadlines', () => {
  it('accept ordered dates with gaps', () => {
    const input = withPatch((s) => {
      s.deadlines.applicationOpens = '2026-03-01';
      s.deadlines.applicationCloses = '2026-04-30';
      s.deadlines.siteVisitEnds = '2026-09-15';
      s.deadlines.publicNoticeStarts = '2026-09-15';
    });
    expect(parseCycleSettings(input).ok).toBe(true);
  });

  it('refuse a date earlier than the milestone before it, naming that date', () => {
    const fields = fieldsOf(
      withPatch((s) => {
        s.deadlines.applicationCloses = '2026-04-30';
        s.deadlines.documentReviewEnds = '2026-04-29';
      }),
    );
    expect(fields).toEqual([
      { path: 'deadlines.documentReviewEnds', key: 'applicants.cycle.deadlines.order', params: { after: 'applicationCloses', date: '2026-04-30' } },
    ]);
  });

  it('refuse impossible dates and a presentation deadline without a presentation stage', () => {
    expect(fieldsOf(withPatch((s) => (s.deadlines.applicationCloses = '2026-02-30')))).toEqual([
      { path: 'deadlines.applicationCloses', key: 'applicants.validation.isoDate' },
    ]);
    expect(fieldsOf(withPatch((s) => (s.deadlines.presentationEnds = '2026-07-01')))).toEqual([
      { path: 'deadlines.presentationEnds', key: 'applicants.cycle.deadlines.presentationUnused' },
    ]);
  });
});

describe('other fields', () => {
  it('refuse a self-assessment limit that is too small, but accept no limit', () => {
    expect(fieldsOf(withPatch((s) => (s.selfAssessmentLimit = 10)))).toEqual([
      { path: 'selfAssessmentLimit', key: 'applicants.validation.tooSmall', params: { min: 1000 } },
    ]);
    expect(parseCycleSettings(withPatch((s) => (s.selfAssessmentLimit = null))).ok).toBe(true);
  });

  it('never leaks zod English messages for unexpected input', () => {
    const fields = fieldsOf({});
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) expect(f.key, f.key).toMatch(/^(applicants|errors)\.[A-Za-z.]+$/);
  });
});
