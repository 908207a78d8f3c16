/**
 * Excel import and export of applicants (exceljs); the writer lives in xlsx-write.ts.
 *
 * Import is all or nothing: either every row validates (credit codes checked, no code twice in the
 * file) and all applicants are returned, or only row-level errors are, each naming the sheet, the
 * row number as Excel shows it and the column header as written in the file.
 */
import ExcelJS from 'exceljs';
import { applicantSchema, messageFromIssue, type Applicant } from '../../../shared/domain/applicant';
import { normaliseCreditCode, validateCreditCode } from '../../../shared/domain/credit-code';
import { booleanCell, dateOf, divisionCell, integerOf, sectionCell, yearsOf } from './xlsx-cells';
import { SHEET_IDS, booleanOf, incidentKindOf, ownershipOf, sheetIdOf, type ColumnId, type SheetId } from './xlsx-columns';
import { ErrorList, RowReader, dataRows, locateHeaders, readRow, type ImportError, type SheetInfo } from './xlsx-sheet-reader';

export type { ImportError } from './xlsx-sheet-reader';
export { writeApplicantsWorkbook, type Translate } from './xlsx-write';

/** Where an imported applicant came from, for messages the caller raises later. */
export interface ImportSource {
  sheet: string;
  row: number;
}

export type ApplicantsImportResult =
  | { ok: true; applicants: Applicant[]; /** Parallel to `applicants`. */ sources: ImportSource[] }
  | { ok: false; errors: ImportError[] };

export interface ParseOptions {
  /**
   * Credit codes already registered (e.g. in the cycle); rows repeating one are refused as
   * `applicants.import.alreadyRegistered`, so the all-or-nothing rule covers them too.
   */
  existingCreditCodes?: Iterable<string>;
}

export const MAX_IMPORT_ROWS = 5000;

interface Origin {
  sheet: SheetInfo;
  row: number;
}

interface Draft {
  origin: Origin;
  input: Record<string, unknown> & { contacts: unknown[]; incidents: unknown[] };
  contactOrigins: Origin[];
  incidentOrigins: Origin[];
}

const nullToUndefined = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

function contactInput(reader: RowReader): Record<string, unknown> {
  return {
    name: reader.text('contactName'),
    phone: reader.text('contactPhone'),
    email: reader.text('contactEmail') ?? '',
  };
}

const CONTACT_COLUMNS: Record<string, ColumnId> = { name: 'contactName', phone: 'contactPhone', email: 'contactEmail' };
const INCIDENT_COLUMNS: Record<string, ColumnId> = {
  date: 'incidentDate',
  kind: 'incidentKind',
  major: 'incidentMajor',
  description: 'incidentDescription',
};
const APPLICANT_COLUMNS: Record<string, ColumnId> = {
  legalName: 'legalName',
  creditCode: 'creditCode',
  region: 'region',
  areaCode: 'areaCode',
  ownership: 'ownership',
  employees: 'employees',
  revenue: 'revenue',
  registrationDate: 'registrationDate',
  yearsPractisingExcellence: 'yearsPractisingExcellence',
  previousAwardYears: 'previousAwardYears',
};

/** Where a validation issue on the assembled applicant belongs in the workbook. */
function locate(draft: Draft, path: readonly PropertyKey[]): { origin: Origin; column: ColumnId | null } {
  const [head, index, field] = path;
  if (head === 'contacts') {
    if (typeof index === 'number' && draft.contactOrigins[index]) {
      return { origin: draft.contactOrigins[index], column: CONTACT_COLUMNS[String(field)] ?? 'contactName' };
    }
    return { origin: draft.origin, column: 'contactName' };
  }
  if (head === 'incidents') {
    if (typeof index === 'number' && draft.incidentOrigins[index]) {
      return { origin: draft.incidentOrigins[index], column: INCIDENT_COLUMNS[String(field)] ?? null };
    }
    return { origin: draft.origin, column: null };
  }
  if (head === 'industry') return { origin: draft.origin, column: index === 'section' ? 'industrySection' : 'industryDivision' };
  return { origin: draft.origin, column: APPLICANT_COLUMNS[String(head)] ?? null };
}

const fileError = (key: string, sheet = '', params?: ImportError['params']): ApplicantsImportResult => ({
  ok: false,
  errors: [{ sheet, row: 0, column: null, key, ...(params ? { params } : {}) }],
});

/** Sheets are recognised by name in any UI language; without a recognised applicants sheet, the first other sheet is it. */
function resolveSheets(workbook: ExcelJS.Workbook, errors: ErrorList): Map<SheetId, SheetInfo> | null {
  const byId = new Map<SheetId, ExcelJS.Worksheet>();
  for (const worksheet of workbook.worksheets) {
    const id = sheetIdOf(worksheet.name);
    if (!id) continue;
    if (byId.has(id)) {
      errors.add(null, worksheet.name, 0, null, { key: 'applicants.import.duplicateSheet', params: { name: worksheet.name } });
      continue;
    }
    byId.set(id, worksheet);
  }
  if (!byId.has('applicants')) {
    const fallback = workbook.worksheets.find((w) => sheetIdOf(w.name) === undefined);
    if (!fallback) return null;
    byId.set('applicants', fallback);
  }
  const sheets = new Map<SheetId, SheetInfo>();
  for (const [order, id] of SHEET_IDS.entries()) {
    const worksheet = byId.get(id);
    const info = worksheet && locateHeaders(id, order, worksheet, errors);
    if (info) sheets.set(id, info);
  }
  return sheets;
}

function readApplicantRows(main: SheetInfo, existing: ReadonlySet<string>, errors: ErrorList): { drafts: Draft[]; byCode: Map<string, Draft> } {
  const drafts: Draft[] = [];
  const byCode = new Map<string, Draft>();
  for (const row of dataRows(main)) {
    const values = readRow(main, row, errors);
    if (!values) continue;
    const reader = new RowReader(main, row, values, errors);
    const contact = contactInput(reader);
    const hasContact = [contact.name, contact.phone, contact.email].some((v) => v !== undefined && v !== '');
    const origin = { sheet: main, row };
    const creditCode = reader.text('creditCode');
    const ownership = reader.text('ownership');
    const draft: Draft = {
      origin,
      input: {
        legalName: reader.text('legalName'),
        creditCode,
        industry: {
          section: nullToUndefined(reader.get('industrySection', sectionCell)),
          division: nullToUndefined(reader.get('industryDivision', divisionCell)),
        },
        region: reader.text('region'),
        areaCode: reader.text('areaCode') ?? null,
        ownership: ownership === undefined ? undefined : (ownershipOf(ownership) ?? ownership),
        employees: nullToUndefined(reader.get('employees', integerOf)),
        revenue: nullToUndefined(reader.get('revenue', integerOf)),
        registrationDate: nullToUndefined(reader.get('registrationDate', dateOf)),
        yearsPractisingExcellence: nullToUndefined(reader.get('yearsPractisingExcellence', integerOf)),
        previousAwardYears: reader.get('previousAwardYears', yearsOf) ?? [],
        contacts: hasContact ? [contact] : [],
        incidents: [],
      },
      contactOrigins: hasContact ? [origin] : [],
      incidentOrigins: [],
    };
    drafts.push(draft);
    const checked = creditCode === undefined ? null : validateCreditCode(creditCode);
    if (!checked?.ok) continue; // an invalid code is reported by validation
    if (existing.has(checked.code)) {
      errors.add(main, main.worksheet.name, row, 'creditCode', { key: 'applicants.import.alreadyRegistered', params: { creditCode: checked.code } });
    }
    const first = byCode.get(checked.code);
    if (first) {
      errors.add(main, main.worksheet.name, row, 'creditCode', { key: 'applicants.import.duplicateCreditCode', params: { firstRow: first.origin.row } });
    } else byCode.set(checked.code, draft);
  }
  return { drafts, byCode };
}

/**
 * Rows of the contacts or incidents sheet, each handed to the applicant it names by credit code.
 * A row is read even without an owner, so that its own cell errors are reported as well.
 */
function readChildRows(sheet: SheetInfo, byCode: Map<string, Draft>, errors: ErrorList, kind: 'contacts' | 'incidents', read: (reader: RowReader) => unknown): void {
  for (const row of dataRows(sheet)) {
    const values = readRow(sheet, row, errors);
    if (!values) continue;
    const reader = new RowReader(sheet, row, values, errors);
    const code = reader.text('creditCode');
    const owner = code === undefined ? undefined : byCode.get(normaliseCreditCode(code));
    if (code === undefined) errors.add(sheet, sheet.worksheet.name, row, 'creditCode', { key: 'applicants.creditCode.required' });
    else if (!owner) errors.add(sheet, sheet.worksheet.name, row, 'creditCode', { key: 'applicants.import.unknownApplicant', params: { creditCode: code } });
    const child = read(reader);
    if (!owner) continue;
    owner.input[kind].push(child);
    (kind === 'contacts' ? owner.contactOrigins : owner.incidentOrigins).push({ sheet, row });
  }
}

export async function parseApplicantsWorkbook(data: ArrayBuffer | Uint8Array, options: ParseOptions = {}): Promise<ApplicantsImportResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    const buffer = data instanceof Uint8Array ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return fileError('applicants.import.unreadable');
  }
  if (workbook.worksheets.length === 0) return fileError('applicants.import.noSheet');
  const errors = new ErrorList();
  const sheets = resolveSheets(workbook, errors);
  if (!sheets) return fileError('applicants.import.noSheet');
  if (errors.items.length > 0) return { ok: false, errors: errors.sorted() };

  const main = sheets.get('applicants')!;
  const rowCount = [...sheets.values()].reduce((n, s) => n + Math.max(0, s.worksheet.rowCount - s.headerRow), 0);
  if (rowCount > MAX_IMPORT_ROWS) return fileError('applicants.import.tooManyRows', main.worksheet.name, { max: MAX_IMPORT_ROWS });

  const existing = new Set([...(options.existingCreditCodes ?? [])].map(normaliseCreditCode));
  const { drafts, byCode } = readApplicantRows(main, existing, errors);

  const contactsSheet = sheets.get('contacts');
  if (contactsSheet) readChildRows(contactsSheet, byCode, errors, 'contacts', contactInput);
  const incidentsSheet = sheets.get('incidents');
  if (incidentsSheet) {
    readChildRows(incidentsSheet, byCode, errors, 'incidents', (reader) => {
      const kind = reader.text('incidentKind');
      return {
        date: nullToUndefined(reader.get('incidentDate', dateOf)),
        kind: kind === undefined ? undefined : (incidentKindOf(kind) ?? kind),
        major: nullToUndefined(reader.get('incidentMajor', (p) => booleanCell(p, booleanOf))),
        description: reader.text('incidentDescription') ?? '',
      };
    });
  }

  if (drafts.length === 0 && errors.items.length === 0) {
    errors.add(main, main.worksheet.name, main.headerRow + 1, null, { key: 'applicants.import.empty' });
  }

  const applicants: Applicant[] = [];
  const sources: ImportSource[] = [];
  for (const draft of drafts) {
    const parsed = applicantSchema.safeParse(draft.input);
    if (parsed.success) {
      applicants.push(parsed.data);
      sources.push({ sheet: main.worksheet.name, row: draft.origin.row });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const { origin, column } = locate(draft, issue.path);
      errors.add(origin.sheet, origin.sheet.worksheet.name, origin.row, column, messageFromIssue(issue));
    }
  }

  return errors.items.length > 0 ? { ok: false, errors: errors.sorted() } : { ok: true, applicants, sources };
}
