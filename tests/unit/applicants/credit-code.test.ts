import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  CREDIT_CODE_WEIGHTS,
  computeCheckCharacter,
  creditCodeSchema,
  decodeCreditCode,
  isValidCreditCode,
  normaliseCreditCode,
  organisationCodeCheckValid,
  validateCreditCode,
} from '../../../shared/domain/credit-code';
import { fieldErrorsFromZod } from '../../../shared/domain/applicant';

const EXAMPLES = ['91350100M000100Y43', '91110000802100433B', '91440300708461136T', '51610700305332460K'];

const toFullWidth = (s: string) => Array.from(s, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');

describe('validateCreditCode', () => {
  it.each(EXAMPLES)('accepts the published example %s', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, code });
  });

  it('uses the weights 3^(i-1) mod 31 given by GB 32100', () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it('refuses a wrong check character and names the expected one', () => {
    expect(validateCreditCode('91350100M000100Y44')).toEqual({ ok: false, reason: 'checksum', expected: '3', actual: '4' });
    expect(validateCreditCode('91110000802100433A')).toEqual({ ok: false, reason: 'checksum', expected: 'B', actual: 'A' });
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the excluded letter %s with its position', (letter) => {
    const code = `91350100M000100${letter}43`;
    expect(validateCreditCode(code)).toEqual({ ok: false, reason: 'charset', position: 16, character: letter });
  });

  it('refuses punctuation and inner spaces as charset errors', () => {
    expect(validateCreditCode('9135010-M000100Y43')).toMatchObject({ ok: false, reason: 'charset', position: 8, character: '-' });
    expect(validateCreditCode('91350100 000100Y43')).toMatchObject({ ok: false, reason: 'charset', position: 9 });
  });

  it.each([
    ['', 0],
    ['91350100M000100Y4', 17],
    ['91350100M000100Y433', 19],
    ['9135', 4],
  ])('refuses %j for its length (%i)', (input, length) => {
    expect(validateCreditCode(input)).toEqual({ ok: false, reason: 'length', length });
  });

  it('normalises case, surrounding space and full-width input', () => {
    expect(validateCreditCode('  91350100m000100y43 ')).toEqual({ ok: true, code: '91350100M000100Y43' });
    expect(validateCreditCode(toFullWidth('91440300708461136t'))).toEqual({ ok: true, code: '91440300708461136T' });
    expect(validateCreditCode('\u300091110000802100433Ｂ\u3000')).toEqual({ ok: true, code: '91110000802100433B' });
    expect(normaliseCreditCode('ａｂｃ')).toBe('ABC');
  });

  it('counts an astral character once for the length', () => {
    expect(validateCreditCode('91350100M000100Y4😀')).toEqual({ ok: false, reason: 'charset', position: 18, character: '😀' });
  });
});

describe('computeCheckCharacter', () => {
  it('reproduces the check character of the examples', () => {
    for (const code of EXAMPLES) expect(computeCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it('returns null for bodies it cannot check', () => {
    expect(computeCheckCharacter('9135010')).toBeNull();
    expect(computeCheckCharacter('91350100M000100I4')).toBeNull();
  });
});

describe('single-substitution detection', () => {
  it('every weight is non-zero mod 31, so (b - a)·w is never 0 mod the prime 31', () => {
    for (const w of CREDIT_CODE_WEIGHTS) {
      expect(w % 31).not.toBe(0);
      for (let delta = 1; delta <= 30; delta++) expect((delta * w) % 31).not.toBe(0);
    }
  });

  it('rejects every one of the 18 × 30 single substitutions of each example (exhaustive)', () => {
    for (const code of EXAMPLES) {
      for (let i = 0; i < 18; i++) {
        for (const replacement of CREDIT_CODE_CHARSET) {
          if (replacement === code[i]) continue;
          const changed = code.slice(0, i) + replacement + code.slice(i + 1);
          expect(isValidCreditCode(changed), changed).toBe(false);
        }
      }
    }
  });

  const body = fc.array(fc.constantFrom(...CREDIT_CODE_CHARSET), { minLength: 17, maxLength: 17 }).map((cs) => cs.join(''));

  it('the computed check character always validates (property)', () => {
    fc.assert(
      fc.property(body, (b) => {
        const code = b + computeCheckCharacter(b)!;
        expect(validateCreditCode(code)).toEqual({ ok: true, code });
      }),
      { numRuns: 1000 },
    );
  });

  it('any single-character change of a valid code is rejected (property)', () => {
    fc.assert(
      fc.property(
        body,
        fc.integer({ min: 0, max: 17 }),
        fc.oneof(fc.constantFrom(...CREDIT_CODE_CHARSET), fc.constantFrom('I', 'O', 'Z', 'S', 'V', '-', '*')),
        (b, position, replacement) => {
          const code = b + computeCheckCharacter(b)!;
          fc.pre(code[position] !== replacement);
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          const result = validateCreditCode(changed);
          expect(result.ok).toBe(false);
          if (!result.ok && CREDIT_CODE_CHARSET.includes(replacement)) expect(result.reason).toBe('checksum');
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('creditCodeSchema', () => {
  it('outputs the canonical code', () => {
    expect(creditCodeSchema.parse(' 51610700305332460k ')).toBe('51610700305332460K');
  });

  it.each([
    ['91350100M000100Y44', { key: 'applicants.creditCode.checksum', params: { expected: '3', actual: '4' } }],
    ['91350100M000100Y4', { key: 'applicants.creditCode.length', params: { length: 17, required: 18 } }],
    ['91350100M000100O43', { key: 'applicants.creditCode.charset', params: { position: 16, character: 'O' } }],
    ['   ', { key: 'applicants.creditCode.required' }],
    [undefined, { key: 'applicants.creditCode.required' }],
  ])('refuses %j with a translated key', (input, message) => {
    const parsed = creditCodeSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(fieldErrorsFromZod(parsed.error!)).toEqual([{ path: '', ...message }]);
  });
});

describe('decodeCreditCode', () => {
  it('decodes authority, type, area and organisation code', () => {
    expect(decodeCreditCode('91350100M000100Y43')).toEqual({
      code: '91350100M000100Y43',
      authority: { code: '9', known: true, label: { key: 'applicants.creditCode.authority.9' } },
      organisationType: { code: '1', known: true, label: { key: 'applicants.creditCode.orgType.9.1' } },
      areaCode: '350100',
      organisationCode: 'M000100Y4',
      organisationCodeCheckValid: true,
      checkCharacter: '3',
    });
    const civil = decodeCreditCode('51610700305332460K')!;
    expect(civil.authority.label.key).toBe('applicants.creditCode.authority.5');
    expect(civil.organisationType.label.key).toBe('applicants.creditCode.orgType.5.1');
  });

  it('labels unlisted authorities and types as unknown', () => {
    const body = 'B1350100M000100Y4';
    const decoded = decodeCreditCode(body + computeCheckCharacter(body))!;
    expect(decoded.authority).toMatchObject({ known: false, label: { key: 'applicants.creditCode.authority.unknown' } });
    const body2 = '97350100M000100Y4';
    const decoded2 = decodeCreditCode(body2 + computeCheckCharacter(body2))!;
    expect(decoded2.authority.known).toBe(true);
    expect(decoded2.organisationType).toMatchObject({ known: false, label: { key: 'applicants.creditCode.orgType.unknown' } });
  });

  it('returns null for an invalid code', () => {
    expect(decodeCreditCode('91350100M000100Y44')).toBeNull();
  });

  it('checks the embedded GB 11714 organisation code', () => {
    expect(organisationCodeCheckValid('802100433')).toBe(true);
    expect(organisationCodeCheckValid('802100434')).toBe(false);
    expect(organisationCodeCheckValid('80210043')).toBe(false);
  });
});
