import { describe, expect, it } from 'vitest';
import {
  INDUSTRY_DIVISION_CODES,
  INDUSTRY_SECTIONS,
  INDUSTRY_SECTION_CODES,
  divisionName,
  divisionsOf,
  industrySchema,
  sectionName,
  sectionOfDivision,
  validateIndustry,
} from '../../../shared/domain/industries';
import { LANGUAGES } from '../../../shared/i18n/languages';
import { fieldErrorsFromZod } from '../../../shared/domain/applicant';

/** Division ranges per section as published in GB/T 4754-2017. */
const RANGES: Record<string, [number, number]> = {
  A: [1, 5], B: [6, 12], C: [13, 43], D: [44, 46], E: [47, 50], F: [51, 52], G: [53, 60], H: [61, 62], I: [63, 65], J: [66, 69],
  K: [70, 70], L: [71, 72], M: [73, 75], N: [76, 79], O: [80, 82], P: [83, 83], Q: [84, 85], R: [86, 90], S: [91, 96], T: [97, 97],
};

describe('GB/T 4754-2017 table', () => {
  it('has the 20 sections A–T in order', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.code)).toEqual([...INDUSTRY_SECTION_CODES]);
    expect(INDUSTRY_SECTIONS).toHaveLength(20);
  });

  it('has the 97 divisions 01–97, each section holding its published range', () => {
    expect(INDUSTRY_DIVISION_CODES).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')));
    for (const section of INDUSTRY_SECTIONS) {
      const [from, to] = RANGES[section.code]!;
      expect(section.divisions.map((d) => Number(d.code)), section.code).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
    }
  });

  it('names every section and division in the three languages', () => {
    for (const section of INDUSTRY_SECTIONS) {
      for (const language of LANGUAGES) {
        expect(section.name[language].trim().length, `${section.code} ${language}`).toBeGreaterThan(0);
        for (const division of section.divisions) expect(division.name[language].trim().length, `${division.code} ${language}`).toBeGreaterThan(0);
      }
    }
  });

  it('keeps the standard names for known entries', () => {
    expect(sectionName('C', 'zh-CN')).toBe('制造业');
    expect(sectionName('D', 'zh-CN')).toBe('电力、热力、燃气及水生产和供应业');
    expect(divisionName('36', 'zh-CN')).toBe('汽车制造业');
    expect(divisionName('65', 'zh-CN')).toBe('软件和信息技术服务业');
    expect(divisionName('36', 'zh-TW')).toBe('汽車製造業');
    expect(divisionName('36', 'en')).toBe('Manufacture of automobiles');
    expect(divisionName('98', 'en')).toBeUndefined();
  });

  it('gives distinct division names within each language', () => {
    for (const language of LANGUAGES) {
      const names = INDUSTRY_SECTIONS.flatMap((s) => s.divisions.map((d) => d.name[language]));
      expect(new Set(names).size, language).toBe(names.length);
    }
  });
});

describe('lookups', () => {
  it('finds the section of a division', () => {
    expect(sectionOfDivision('01')).toBe('A');
    expect(sectionOfDivision('43')).toBe('C');
    expect(sectionOfDivision('44')).toBe('D');
    expect(sectionOfDivision('97')).toBe('T');
    expect(sectionOfDivision('98')).toBeNull();
    expect(sectionOfDivision('1')).toBeNull();
  });

  it('lists the divisions of a section', () => {
    expect(divisionsOf('F').map((d) => d.code)).toEqual(['51', '52']);
    expect(divisionsOf('Z')).toEqual([]);
  });

  it('validates section/division pairs with translated reasons', () => {
    expect(validateIndustry('C', '36')).toEqual({ ok: true, section: 'C', division: '36' });
    expect(validateIndustry('I', '36')).toEqual({
      ok: false,
      field: 'division',
      message: { key: 'applicants.industry.mismatch', params: { section: 'I', division: '36', expectedSection: 'C' } },
    });
    expect(validateIndustry('U', '36')).toMatchObject({ ok: false, field: 'section', message: { key: 'applicants.industry.unknownSection' } });
    expect(validateIndustry('C', '00')).toMatchObject({ ok: false, field: 'division', message: { key: 'applicants.industry.unknownDivision' } });
  });

  it('industrySchema normalises the section letter and reports on the right field', () => {
    expect(industrySchema.parse({ section: ' c ', division: '36' })).toEqual({ section: 'C', division: '36' });
    const parsed = industrySchema.safeParse({ section: 'A', division: '36' });
    expect(fieldErrorsFromZod(parsed.error!)).toEqual([
      { path: 'division', key: 'applicants.industry.mismatch', params: { section: 'A', division: '36', expectedSection: 'C' } },
    ]);
  });
});
