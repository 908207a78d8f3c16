/**
 * Lookups over GB/T 4754-2017 sections (门类 A–T) and divisions (大类 01–97).
 * An applicant is classified by a section and one of its divisions.
 */
import { z } from 'zod';
import type { Message } from '../api/errors';
import { withoutControlChars } from '../api/schemas';
import type { Language } from '../i18n/languages';
import { INDUSTRY_SECTIONS, type IndustryDivisionRecord, type IndustrySectionRecord } from './industries-data';

export { INDUSTRY_SECTIONS };
export type { IndustryDivisionRecord, IndustrySectionRecord, LocalisedName } from './industries-data';

export const INDUSTRY_SECTION_CODES = [
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T',
] as const;
export type IndustrySectionCode = (typeof INDUSTRY_SECTION_CODES)[number];

const sectionsByCode = new Map<string, IndustrySectionRecord>(INDUSTRY_SECTIONS.map((s) => [s.code, s]));
const divisionsByCode = new Map<string, { division: IndustryDivisionRecord; section: IndustrySectionRecord }>(
  INDUSTRY_SECTIONS.flatMap((section) => section.divisions.map((division) => [division.code, { division, section }] as const)),
);

export const INDUSTRY_DIVISION_CODES: readonly string[] = [...divisionsByCode.keys()];

export function isSectionCode(code: string): code is IndustrySectionCode {
  return sectionsByCode.has(code);
}

export function isDivisionCode(code: string): boolean {
  return divisionsByCode.has(code);
}

export function getSection(code: string): IndustrySectionRecord | undefined {
  return sectionsByCode.get(code);
}

export function getDivision(code: string): IndustryDivisionRecord | undefined {
  return divisionsByCode.get(code)?.division;
}

/** The section a division belongs to, e.g. '36' → 'C'; null for an unknown division. */
export function sectionOfDivision(division: string): IndustrySectionCode | null {
  return (divisionsByCode.get(division)?.section.code as IndustrySectionCode | undefined) ?? null;
}

export function divisionsOf(section: string): readonly IndustryDivisionRecord[] {
  return sectionsByCode.get(section)?.divisions ?? [];
}

export function sectionName(code: string, language: Language): string | undefined {
  return sectionsByCode.get(code)?.name[language];
}

export function divisionName(code: string, language: Language): string | undefined {
  return divisionsByCode.get(code)?.division.name[language];
}

export type IndustryCheck =
  | { ok: true; section: IndustrySectionCode; division: string }
  | { ok: false; field: 'section' | 'division'; message: Message };

/** Validate a section + division pair; the division must belong to the section. */
export function validateIndustry(section: string, division: string): IndustryCheck {
  if (!isSectionCode(section)) {
    return { ok: false, field: 'section', message: { key: 'applicants.industry.unknownSection', params: { section } } };
  }
  const owner = sectionOfDivision(division);
  if (owner === null) {
    return { ok: false, field: 'division', message: { key: 'applicants.industry.unknownDivision', params: { division } } };
  }
  if (owner !== section) {
    return {
      ok: false,
      field: 'division',
      message: { key: 'applicants.industry.mismatch', params: { section, division, expectedSection: owner } },
    };
  }
  return { ok: true, section, division };
}

export const industrySchema = z
  .object({
    section: withoutControlChars(z.string({ error: 'applicants.validation.required' }).trim().toUpperCase()),
    division: withoutControlChars(z.string({ error: 'applicants.validation.required' }).trim()),
  })
  .superRefine((value, ctx) => {
    const check = validateIndustry(value.section, value.division);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', path: [check.field], message: check.message.key, params: check.message.params });
    }
  });

export type Industry = z.infer<typeof industrySchema>;
