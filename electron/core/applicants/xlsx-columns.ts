/**
 * Layout of the applicants workbook and the header texts recognised on import.
 * Headers, sheet names and enum labels are recognised in every UI language, taken from the
 * same locale files the UI uses, so an exported workbook always imports again.
 */
import type { Language } from '../../../shared/i18n/languages';
import en from '../../../shared/i18n/locales/en/applicants.json';
import zhCN from '../../../shared/i18n/locales/zh-CN/applicants.json';
import zhTW from '../../../shared/i18n/locales/zh-TW/applicants.json';
import { OWNERSHIP_TYPES, type OwnershipType } from '../../../shared/domain/applicant';
import { INCIDENT_KINDS, type IncidentKind } from '../../../shared/domain/eligibility';

type Locale = typeof zhCN;
/** Order matters: when a header is ambiguous the first language wins; zh-CN and en are the documented ones. */
const LOCALES: ReadonlyArray<readonly [Language, Locale]> = [
  ['zh-CN', zhCN],
  ['en', en],
  ['zh-TW', zhTW],
];

export const SHEET_IDS = ['applicants', 'contacts', 'incidents'] as const;
export type SheetId = (typeof SHEET_IDS)[number];

export type ColumnId = keyof Locale['xlsx']['column'];

export interface ColumnSpec {
  id: ColumnId;
  required: boolean;
  /** Excel column width in characters. */
  width: number;
}

const col = (id: ColumnId, required: boolean, width = 16): ColumnSpec => ({ id, required, width });

/** The first contact sits on the applicants sheet; further contacts and the incidents have sheets of their own. */
export const SHEET_COLUMNS: Readonly<Record<SheetId, readonly ColumnSpec[]>> = {
  applicants: [
    col('legalName', true, 36),
    col('creditCode', true, 24),
    col('industrySection', true, 24),
    col('industryDivision', true, 28),
    col('region', true, 20),
    col('areaCode', false, 12),
    col('ownership', true, 14),
    col('employees', true, 10),
    col('revenue', true, 16),
    col('registrationDate', true, 14),
    col('yearsPractisingExcellence', true, 12),
    col('previousAwardYears', false, 14),
    col('contactName', true, 12),
    col('contactPhone', true, 18),
    col('contactEmail', false, 26),
  ],
  contacts: [col('creditCode', true, 24), col('contactName', true, 12), col('contactPhone', true, 18), col('contactEmail', false, 26)],
  incidents: [
    col('creditCode', true, 24),
    col('incidentDate', true, 14),
    col('incidentKind', true, 12),
    col('incidentMajor', true, 12),
    col('incidentDescription', false, 48),
  ],
};

/** Case, width (full/half), spaces and a leading/trailing `*` (required-field marker) do not matter. */
export function normaliseLabel(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/^\*+|\*+$/g, '').toLowerCase();
}

function lookup<T extends string>(ids: readonly T[], label: (locale: Locale, id: T) => string): Map<string, { id: T; language: Language }> {
  const map = new Map<string, { id: T; language: Language }>();
  for (const [language, locale] of LOCALES) {
    for (const id of ids) {
      const key = normaliseLabel(label(locale, id));
      if (!map.has(key)) map.set(key, { id, language });
    }
  }
  return map;
}

const sheetLookup = lookup(SHEET_IDS, (l, id) => l.xlsx.sheet[id]);
const columnIds = Object.keys(zhCN.xlsx.column) as ColumnId[];
const columnLookup = lookup(columnIds, (l, id) => l.xlsx.column[id]);

export function sheetIdOf(name: string): SheetId | undefined {
  return sheetLookup.get(normaliseLabel(name))?.id;
}

export function columnIdOf(header: string): { id: ColumnId; language: Language } | undefined {
  return columnLookup.get(normaliseLabel(header));
}

export function headerText(id: ColumnId, language: Language): string {
  return LOCALES.find(([l]) => l === language)![1].xlsx.column[id];
}

export function sheetName(id: SheetId, language: Language): string {
  return LOCALES.find(([l]) => l === language)![1].xlsx.sheet[id];
}

function enumLookup<T extends string>(ids: readonly T[], label: (locale: Locale, id: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const id of ids) map.set(normaliseLabel(id), id);
  for (const [key, value] of lookup(ids, label)) if (!map.has(key)) map.set(key, value.id);
  return map;
}

const ownershipLookup = enumLookup(OWNERSHIP_TYPES, (l, id) => l.ownership[id]);
const incidentKindLookup = enumLookup(INCIDENT_KINDS, (l, id) => l.incidentKind[id]);
const booleanLookup = new Map<string, boolean>([
  ...['true', 'yes', 'y', '1', '√', '✓', '有'].map((v) => [v, true] as const),
  ...['false', 'no', 'n', '0', '×', '✗', '无', '無'].map((v) => [v, false] as const),
  ...LOCALES.flatMap(([, l]) => [[normaliseLabel(l.xlsx.yes), true] as const, [normaliseLabel(l.xlsx.no), false] as const]),
]);

export function ownershipOf(label: string): OwnershipType | undefined {
  return ownershipLookup.get(normaliseLabel(label));
}

export function incidentKindOf(label: string): IncidentKind | undefined {
  return incidentKindLookup.get(normaliseLabel(label));
}

export function booleanOf(label: string): boolean | undefined {
  return booleanLookup.get(normaliseLabel(label));
}
