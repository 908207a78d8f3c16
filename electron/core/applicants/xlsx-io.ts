/**
 * Excel import and export of applicants (exceljs).
 *
 * Import is all or nothing: either every row validates (credit codes checked, no code twice in the
 * file) and all applicants are returned, or only row-level errors are, each naming the sheet, the
 * row number as Excel shows it and the column header as written in the file.
 */
import ExcelJS from 'exceljs';
import type { Message } from '../../../shared/api/errors';
import { applicantSchema, messageFromIssue, type Applicant } from '../../../shared/domain/applicant';
import { normaliseCreditCode, validateCreditCode } from '../../../shared/domain/credit-code';
import { divisionName, sectionName } from '../../../shared/domain/industries';
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/i18n/languages';
import {
  booleanCell,
  dateOf,
  divisionCell,
  integerOf,
  plainValue,
  sectionCell,
  textOf,
  yearsOf,
  type CellResult,
  type Plain,
} from './xlsx-cells';
import {
  SHEET_COLUMNS,
  SHEET_IDS,
  booleanOf,
  columnIdOf,
  headerText,
  incidentKindOf,
  ownershipOf,
  sheetIdOf,
  type ColumnId,
  type SheetId,
} from './xlsx-columns';

export interface ImportError extends Message {
  /** Worksheet name as in the file. */
  sheet: string;
  /** 1-based row number as Excel shows it; 0 when the error concerns the whole file. */
  row: number;
  /** Column header as written in the file (or the expected header when missing); null for the whole row. */
  column: string | null;
}

export type ApplicantsImportResult = { ok: true; applicants: Applicant[] } | { ok: false; errors: ImportError[] };

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export const MAX_IMPORT_ROWS = 5000;
/** A title row or two above the headers is common in office templates. */
const HEADER_SEARCH_ROWS = 5;

interface SheetInfo {
  id: SheetId;
  order: number;
  worksheet: ExcelJS.Worksheet;
  headerRow: number;
  columns: Map<ColumnId, { index: number; header: string }>;
  language: Language;
}

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

class ErrorList {
  readonly items: Array<ImportError & { order: number; columnIndex: number }> = [];
  private readonly seen = new Set<string>();

  add(sheet: SheetInfo | null, sheetName: string, row: number, column: ColumnId | null, message: Message, expectedHeader?: string): void {
    const mapped = column && sheet ? sheet.columns.get(column) : undefined;
    const header = mapped?.header ?? expectedHeader ?? null;
    const id = `${sheetName}\u0000${row}\u0000${header ?? ''}`;
    // One message per cell: the first (most specific) wins.
    if (header !== null && this.seen.has(id)) return;
    this.seen.add(id);
    this.items.push({
      sheet: sheetName,
      row,
      column: header,
      key: message.key,
      ...(message.params ? { params: message.params } : {}),
      order: sheet?.order ?? -1,
      columnIndex: mapped?.index ?? 0,
    });
  }

  sorted(): ImportError[] {
    return [...this.items]
      .sort((a, b) => a.order - b.order || a.row - b.row || a.columnIndex - b.columnIndex)
      .map(({ order: _o, columnIndex: _c, ...error }) => error);
  }
}

function cellPlain(worksheet: ExcelJS.Worksheet, row: number, column: number): CellResult<Plain> {
  return plainValue(worksheet.getRow(row).getCell(column).value);
}

function locateHeaders(id: SheetId, order: number, worksheet: ExcelJS.Worksheet, errors: ErrorList): SheetInfo | null {
  const allowed = new Set(SHEET_COLUMNS[id].map((c) => c.id));
  let best: { row: number; found: Array<{ id: ColumnId; index: number; header: string; language: Language }> } | null = null;
  const lastRow = Math.min(worksheet.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= lastRow; r++) {
    const found: Array<{ id: ColumnId; index: number; header: string; language: Language }> = [];
    for (let c = 1; c <= worksheet.columnCount; c++) {
      const plain = cellPlain(worksheet, r, c);
      if (!plain.ok || typeof plain.value !== 'string') continue;
      const match = columnIdOf(plain.value);
      if (match && allowed.has(match.id)) found.push({ ...match, index: c, header: plain.value });
    }
    if (found.length >= 2 || (found.length > 0 && !best)) {
      if (!best || found.length > best.found.length) best = { row: r, found };
      if (found.length >= 2) break;
    }
  }
  const info: SheetInfo = { id, order, worksheet, headerRow: best?.row ?? 1, columns: new Map(), language: DEFAULT_LANGUAGE };
  const votes = new Map<Language, number>();
  for (const f of best?.found ?? []) {
    votes.set(f.language, (votes.get(f.language) ?? 0) + 1);
    if (info.columns.has(f.id)) {
      errors.add(info, worksheet.name, info.headerRow, null, { key: 'applicants.import.duplicateColumn', params: { column: f.header } }, f.header);
      continue;
    }
    info.columns.set(f.id, { index: f.index, header: f.header });
  }
  info.language = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? DEFAULT_LANGUAGE;
  let complete = true;
  for (const spec of SHEET_COLUMNS[id]) {
    if (spec.required && !info.columns.has(spec.id)) {
      const expected = headerText(spec.id, info.language);
      errors.add(info, worksheet.name, info.headerRow, null, { key: 'applicants.import.missingColumn', params: { column: expected } }, expected);
      complete = false;
    }
  }
  return complete ? info : null;
}

/** Reads one data row; null when every recognised cell is empty. */
function readRow(sheet: SheetInfo, row: number, errors: ErrorList): Map<ColumnId, Plain> | null {
  const values = new Map<ColumnId, Plain>();
  let empty = true;
  for (const [id, { index }] of sheet.columns) {
    const plain = cellPlain(sheet.worksheet, row, index);
    if (!plain.ok) {
      errors.add(sheet, sheet.worksheet.name, row, id, plain);
      empty = false;
      values.set(id, null);
      continue;
    }
    if (plain.value !== null) empty = false;
    values.set(id, plain.value);
  }
  return empty ? null : values;
}

class RowReader {
  constructor(
    private readonly sheet: SheetInfo,
    private readonly row: number,
    private readonly values: Map<ColumnId, Plain>,
    private readonly errors: ErrorList,
  ) {}

  /** undefined when the cell could not be read (its error is recorded) or the column is absent. */
  get<T>(id: ColumnId, convert: (plain: Plain) => CellResult<T>): T | undefined {
    if (!this.values.has(id)) return undefined;
    const result = convert(this.values.get(id)!);
    if (result.ok) return result.value;
    this.errors.add(this.sheet, this.sheet.worksheet.name, this.row, id, result);
    return undefined;
  }

  text(id: ColumnId): string | undefined {
    return this.get(id, textOf) ?? undefined;
  }
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

function dataRows(sheet: SheetInfo): number[] {
  const rows: number[] = [];
  for (let r = sheet.headerRow + 1; r <= sheet.worksheet.rowCount; r++) rows.push(r);
  return rows;
}

export async function parseApplicantsWorkbook(data: ArrayBuffer | Uint8Array): Promise<ApplicantsImportResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    const buffer = data instanceof Uint8Array ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, errors: [{ sheet: '', row: 0, column: null, key: 'applicants.import.unreadable' }] };
  }
  const errors = new ErrorList();
  const worksheets = workbook.worksheets;
  if (worksheets.length === 0) return { ok: false, errors: [{ sheet: '', row: 0, column: null, key: 'applicants.import.noSheet' }] };

  // Sheets are recognised by name in any UI language; without a recognised applicants sheet, the first other sheet is it.
  const byId = new Map<SheetId, ExcelJS.Worksheet>();
  for (const worksheet of worksheets) {
    const id = sheetIdOf(worksheet.name);
    if (!id) continue;
    if (byId.has(id)) {
      errors.add(null, worksheet.name, 0, null, { key: 'applicants.import.duplicateSheet', params: { name: worksheet.name } });
      continue;
    }
    byId.set(id, worksheet);
  }
  if (!byId.has('applicants')) {
    const fallback = worksheets.find((w) => sheetIdOf(w.name) === undefined);
    if (!fallback) return { ok: false, errors: [{ sheet: '', row: 0, column: null, key: 'applicants.import.noSheet' }] };
    byId.set('applicants', fallback);
  }
  const sheets = new Map<SheetId, SheetInfo>();
  for (const [order, id] of SHEET_IDS.entries()) {
    const worksheet = byId.get(id);
    if (!worksheet) continue;
    const info = locateHeaders(id, order, worksheet, errors);
    if (info) sheets.set(id, info);
  }
  if (errors.items.length > 0) return { ok: false, errors: errors.sorted() };

  const main = sheets.get('applicants')!;
  const rowCount = [...sheets.values()].reduce((n, s) => n + Math.max(0, s.worksheet.rowCount - s.headerRow), 0);
  if (rowCount > MAX_IMPORT_ROWS) {
    return { ok: false, errors: [{ sheet: main.worksheet.name, row: 0, column: null, key: 'applicants.import.tooManyRows', params: { maximum: MAX_IMPORT_ROWS } }] };
  }

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
    const draft: Draft = {
      origin,
      input: {
        legalName: reader.text('legalName'),
        creditCode,
        industry: { section: nullToUndefined(reader.get('industrySection', sectionCell)), division: nullToUndefined(reader.get('industryDivision', divisionCell)) },
        region: reader.text('region'),
        areaCode: reader.text('areaCode') ?? null,
        ownership: ((o) => (o === undefined ? undefined : (ownershipOf(o) ?? o)))(reader.text('ownership')),
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
    if (creditCode !== undefined) {
      const checked = validateCreditCode(creditCode);
      if (checked.ok) {
        const first = byCode.get(checked.code);
        if (first) {
          errors.add(main, main.worksheet.name, row, 'creditCode', { key: 'applicants.import.duplicateCreditCode', params: { firstRow: first.origin.row } });
        } else byCode.set(checked.code, draft);
      }
    }
  }

  /** The applicant a row of another sheet belongs to, by credit code. */
  const ownerOf = (sheet: SheetInfo, row: number, reader: RowReader): Draft | undefined => {
    const code = reader.text('creditCode');
    if (code === undefined) {
      errors.add(sheet, sheet.worksheet.name, row, 'creditCode', { key: 'applicants.creditCode.required' });
      return undefined;
    }
    const owner = byCode.get(normaliseCreditCode(code));
    if (!owner) errors.add(sheet, sheet.worksheet.name, row, 'creditCode', { key: 'applicants.import.unknownApplicant', params: { creditCode: code } });
    return owner;
  };

  const contactsSheet = sheets.get('contacts');
  if (contactsSheet) {
    for (const row of dataRows(contactsSheet)) {
      const values = readRow(contactsSheet, row, errors);
      if (!values) continue;
      const reader = new RowReader(contactsSheet, row, values, errors);
      const owner = ownerOf(contactsSheet, row, reader);
      const contact = contactInput(reader);
      if (!owner) continue;
      owner.input.contacts.push(contact);
      owner.contactOrigins.push({ sheet: contactsSheet, row });
    }
  }

  const incidentsSheet = sheets.get('incidents');
  if (incidentsSheet) {
    for (const row of dataRows(incidentsSheet)) {
      const values = readRow(incidentsSheet, row, errors);
      if (!values) continue;
      const reader = new RowReader(incidentsSheet, row, values, errors);
      const owner = ownerOf(incidentsSheet, row, reader);
      const kind = reader.text('incidentKind');
      const incident = {
        date: nullToUndefined(reader.get('incidentDate', dateOf)),
        kind: kind === undefined ? undefined : (incidentKindOf(kind) ?? kind),
        major: nullToUndefined(reader.get('incidentMajor', (p) => booleanCell(p, booleanOf))),
        description: reader.text('incidentDescription') ?? '',
      };
      if (!owner) continue;
      owner.input.incidents.push(incident);
      owner.incidentOrigins.push({ sheet: incidentsSheet, row });
    }
  }

  if (drafts.length === 0 && errors.items.length === 0) {
    errors.add(main, main.worksheet.name, main.headerRow + 1, null, { key: 'applicants.import.empty' });
  }

  const applicants: Applicant[] = [];
  for (const draft of drafts) {
    const parsed = applicantSchema.safeParse(draft.input);
    if (parsed.success) {
      applicants.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const { origin, column } = locate(draft, issue.path);
      errors.add(origin.sheet, origin.sheet.worksheet.name, origin.row, column, messageFromIssue(issue));
    }
  }

  return errors.items.length > 0 ? { ok: false, errors: errors.sorted() } : { ok: true, applicants };
}

// --- Export ----------------------------------------------------------------------------------------

const TEXT_COLUMNS = new Set<ColumnId>(['creditCode', 'areaCode', 'contactPhone', 'industryDivision']);

function addSheet(workbook: ExcelJS.Workbook, id: SheetId, t: Translate): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(t(`applicants.xlsx.sheet.${id}`), { views: [{ state: 'frozen', ySplit: 1 }] });
  const specs = SHEET_COLUMNS[id];
  worksheet.columns = specs.map((spec) => ({
    header: t(`applicants.xlsx.column.${spec.id}`),
    key: spec.id,
    width: spec.width,
    ...(TEXT_COLUMNS.has(spec.id) ? { style: { numFmt: '@' } } : {}),
  }));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  return worksheet;
}

/**
 * One row per applicant (with its first contact) on the first sheet; further contacts and the
 * declared incidents on their own sheets, keyed by credit code. Headers and labels are translated
 * with `t`; industry cells carry code and name (`C 制造业`) in `language`. Dates are written as
 * ISO text so no time zone can shift them.
 */
export async function writeApplicantsWorkbook(
  applicants: readonly Applicant[],
  t: Translate,
  options: { language?: Language } = {},
): Promise<Buffer> {
  const language = options.language ?? DEFAULT_LANGUAGE;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Quality Award Desk';
  const main = addSheet(workbook, 'applicants', t);
  const contacts = addSheet(workbook, 'contacts', t);
  const incidents = addSheet(workbook, 'incidents', t);

  for (const applicant of applicants) {
    const [first, ...others] = applicant.contacts;
    main.addRow({
      legalName: applicant.legalName,
      creditCode: applicant.creditCode,
      industrySection: `${applicant.industry.section} ${sectionName(applicant.industry.section, language) ?? ''}`.trim(),
      industryDivision: `${applicant.industry.division} ${divisionName(applicant.industry.division, language) ?? ''}`.trim(),
      region: applicant.region,
      areaCode: applicant.areaCode ?? '',
      ownership: t(`applicants.ownership.${applicant.ownership}`),
      employees: applicant.employees,
      revenue: applicant.revenue,
      registrationDate: applicant.registrationDate,
      yearsPractisingExcellence: applicant.yearsPractisingExcellence,
      previousAwardYears: applicant.previousAwardYears.join(', '),
      contactName: first?.name ?? '',
      contactPhone: first?.phone ?? '',
      contactEmail: first?.email ?? '',
    });
    for (const contact of others) {
      contacts.addRow({ creditCode: applicant.creditCode, contactName: contact.name, contactPhone: contact.phone, contactEmail: contact.email });
    }
    for (const incident of applicant.incidents) {
      incidents.addRow({
        creditCode: applicant.creditCode,
        incidentDate: incident.date,
        incidentKind: t(`applicants.incidentKind.${incident.kind}`),
        incidentMajor: t(incident.major ? 'applicants.xlsx.yes' : 'applicants.xlsx.no'),
        incidentDescription: incident.description,
      });
    }
  }
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written as ArrayBuffer);
}
