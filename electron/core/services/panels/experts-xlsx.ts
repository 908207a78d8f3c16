/**
 * Excel import and export of the expert registry (one sheet, one row per expert). Import is all or
 * nothing: every row validates, or only errors come back, each naming the sheet, the row as Excel
 * numbers it and the column header as written in the file. Headers are recognised in any UI language.
 */
import ExcelJS from 'exceljs';
import type { CallContext } from '../../../../shared/api/contract';
import { issuesToFieldErrors } from '../../../../shared/api/issues-to-field-errors';
import { expertRecordSchema, type ExpertRecord } from '../../../../shared/api/panels';
import { STAGE_IDS } from '../../../../shared/domain/cycle-settings';
import { LANGUAGES } from '../../../../shared/i18n/languages';
import { localeFiles } from '../../../../shared/i18n/resources';
import { plainValue, textOf } from '../../applicants/xlsx-cells';
import { audited, type CoreContext } from '../../context';
import { createTranslator } from '../../i18n';
import { getSettings } from '../settings';
import { expertRecord, insertExpert, type ExpertDbRow } from './experts';
import { normaliseName } from './conflict-rules';

const COLUMNS = [
  'name',
  'organisation',
  'organisationCreditCode',
  'title',
  'qualificationNumber',
  'specialties',
  'phone',
  'email',
  'documentReview',
  'presentation',
  'siteVisit',
  'formerEmployers',
  'groupName',
] as const;
type ColumnId = (typeof COLUMNS)[number];

export const MAX_EXPERT_ROWS = 2000;

interface ImportError {
  sheet: string;
  row: number;
  column: string | null;
  key: string;
  params?: Record<string, string | number>;
}

type ImportOutcome = { ok: true; imported: number } | { ok: false; errors: ImportError[] };

type Tree = { [key: string]: string | Tree };
const normaliseHeader = (text: string) => text.normalize('NFKC').replace(/[\s*＊:：]/g, '').toLowerCase();

/** Header text (normalised) → column, in every language. */
const HEADERS: Map<string, ColumnId> = new Map(
  LANGUAGES.flatMap((language) => {
    const columns = ((localeFiles[language].panels as Tree).xlsx as Tree).column as Tree;
    return COLUMNS.map((id) => [normaliseHeader(String(columns[id])), id] as const);
  }),
);

const localeWords = (key: 'yes' | 'no') => LANGUAGES.map((language) => String(((localeFiles[language].panels as Tree).xlsx as Tree)[key]).normalize('NFKC').toLowerCase());
const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', ...localeWords('yes')]);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', ...localeWords('no')]);

/** `名称（2015-2019）; 名称2（2010-）`: years optional, either bracket width, any dash. */
const EMPLOYER = /^(.+?)\s*[（(]\s*(\d{4})?\s*[-–—~至]\s*(\d{4})?\s*[)）]$/;

function formatEmployers(record: ExpertRecord): string {
  return record.formerEmployers
    .map((e) => (e.fromYear === null && e.toYear === null ? e.name : `${e.name}（${e.fromYear ?? ''}-${e.toYear ?? ''}）`))
    .join('；');
}

export async function exportExpertsXlsx(ctx: CoreContext): Promise<{ fileName: string; contentBase64: string }> {
  const { language } = getSettings(ctx);
  const t = createTranslator(language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Quality Award Desk';
  const sheet = workbook.addWorksheet(t('panels.xlsx.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((id) => ({ header: t(`panels.xlsx.column.${id}`), key: id, width: id === 'organisation' || id === 'formerEmployers' ? 36 : 16, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  const rows = ctx.db.prepare('SELECT * FROM experts ORDER BY name, id').all() as ExpertDbRow[];
  const yes = t('panels.xlsx.yes');
  const no = t('panels.xlsx.no');
  for (const row of rows) {
    const record = expertRecord(row);
    sheet.addRow({
      name: record.name,
      organisation: record.organisation,
      organisationCreditCode: record.organisationCreditCode ?? '',
      title: record.title,
      qualificationNumber: record.qualificationNumber,
      specialties: record.specialties.join(','),
      phone: record.contact.phone,
      email: record.contact.email,
      ...Object.fromEntries(STAGE_IDS.map((stage) => [stage, record.availability[stage] ? yes : no])),
      formerEmployers: formatEmployers(record),
      groupName: record.groupName,
    });
  }
  const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return { fileName: `${t('panels.xlsx.fileName')}.xlsx`.replace(/[\\/:*?"<>|]/g, '_'), contentBase64: buffer.toString('base64') };
}

interface ParsedRow {
  row: number;
  record: ExpertRecord;
}

export async function parseExpertsWorkbook(data: Buffer): Promise<{ ok: true; rows: ParsedRow[]; sheet: string; nameHeader: string } | { ok: false; errors: ImportError[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { ok: false, errors: [{ sheet: '', row: 0, column: null, key: 'panels.import.unreadable' }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, errors: [{ sheet: '', row: 0, column: null, key: 'panels.import.noSheet' }] };
  const columns = new Map<ColumnId, { index: number; header: string }>();
  sheet.getRow(1).eachCell((cell, index) => {
    const plain = plainValue(cell.value);
    if (!plain.ok || typeof plain.value !== 'string') return;
    const id = HEADERS.get(normaliseHeader(plain.value));
    if (id && !columns.has(id)) columns.set(id, { index, header: plain.value });
  });
  const errors: ImportError[] = [];
  for (const required of ['name', 'organisation'] as const) {
    if (!columns.has(required)) errors.push({ sheet: sheet.name, row: 1, column: null, key: 'panels.import.missingColumn', params: { column: required } });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (sheet.rowCount - 1 > MAX_EXPERT_ROWS) return { ok: false, errors: [{ sheet: sheet.name, row: 0, column: null, key: 'panels.import.tooManyRows', params: { max: MAX_EXPERT_ROWS } }] };

  const rows: ParsedRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = new Map<ColumnId, string | null>();
    const fail = (column: ColumnId | null, key: string, params?: Record<string, string | number>) =>
      errors.push({ sheet: sheet.name, row: r, column: column ? (columns.get(column)?.header ?? column) : null, key, ...(params ? { params } : {}) });
    for (const [id, { index }] of columns) {
      const plain = plainValue(sheet.getRow(r).getCell(index).value);
      const text = plain.ok ? textOf(plain.value) : plain;
      if (!text.ok) fail(id, text.key, text.params);
      cells.set(id, text.ok ? text.value : null);
    }
    if ([...cells.values()].every((v) => v === null)) continue;
    const cell = (id: ColumnId) => cells.get(id) ?? null;
    const flag = (id: ColumnId): boolean | undefined => {
      const v = cell(id);
      if (v === null) return true;
      const n = v.normalize('NFKC').trim().toLowerCase();
      if (YES.has(n)) return true;
      if (NO.has(n)) return false;
      fail(id, 'panels.import.yesNo', { value: v });
      return undefined;
    };
    const employers = (cell('formerEmployers') ?? '')
      .split(/[;；\n]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((entry) => {
        const m = EMPLOYER.exec(entry);
        return m ? { name: m[1]!, fromYear: m[2] ? Number(m[2]) : null, toYear: m[3] ? Number(m[3]) : null } : { name: entry, fromYear: null, toYear: null };
      });
    const input = {
      name: cell('name') ?? '',
      organisation: cell('organisation') ?? '',
      organisationCreditCode: cell('organisationCreditCode'),
      title: cell('title') ?? '',
      qualificationNumber: cell('qualificationNumber') ?? '',
      specialties: (cell('specialties') ?? '').split(/[,，、\s]+/).map((s) => s.trim().toUpperCase()).filter(Boolean),
      contact: { phone: cell('phone') ?? '', email: cell('email') ?? '' },
      availability: { documentReview: flag('documentReview'), presentation: flag('presentation'), siteVisit: flag('siteVisit') },
      formerEmployers: employers,
      groupName: cell('groupName') ?? '',
    };
    const parsed = expertRecordSchema.safeParse(input);
    if (!parsed.success) {
      for (const field of issuesToFieldErrors(parsed.error.issues)) fail(columnOf(field.path), field.key, field.params);
      continue;
    }
    rows.push({ row: r, record: parsed.data });
  }
  if (errors.length === 0 && rows.length === 0) errors.push({ sheet: sheet.name, row: 2, column: null, key: 'panels.import.empty' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows, sheet: sheet.name, nameHeader: columns.get('name')!.header };
}

function columnOf(path: string): ColumnId | null {
  const [head, sub] = path.split('.');
  if (head === 'contact') return sub === 'email' ? 'email' : 'phone';
  if (head === 'availability') return (STAGE_IDS as readonly string[]).includes(sub ?? '') ? (sub as ColumnId) : null;
  return (COLUMNS as readonly string[]).includes(head ?? '') ? (head as ColumnId) : null;
}

/**
 * Refuses rows naming an expert already registered (same name and organisation, or same qualification
 * number) or repeated in the file, so re-importing an export adds nobody twice.
 */
export async function importExpertsXlsx(ctx: CoreContext, contentBase64: string, call: CallContext): Promise<ImportOutcome> {
  const parsed = await parseExpertsWorkbook(Buffer.from(contentBase64, 'base64'));
  if (!parsed.ok) return parsed;
  const registered = (ctx.db.prepare('SELECT * FROM experts').all() as ExpertDbRow[]).map(expertRecord);
  const identity = (r: ExpertRecord) => `${normaliseName(r.name)}\u0000${normaliseName(r.organisation)}`;
  const known = new Set(registered.map(identity));
  const knownNumbers = new Set(registered.map((r) => r.qualificationNumber).filter(Boolean));
  const seen = new Map<string, number>();
  const errors: ImportError[] = [];
  const at = { sheet: parsed.sheet, column: parsed.nameHeader };
  for (const { row, record } of parsed.rows) {
    if (known.has(identity(record)) || (record.qualificationNumber && knownNumbers.has(record.qualificationNumber))) {
      errors.push({ ...at, row, key: 'panels.import.alreadyRegistered', params: { name: record.name } });
    }
    const first = seen.get(identity(record));
    if (first !== undefined) errors.push({ ...at, row, key: 'panels.import.duplicateRow', params: { firstRow: first } });
    else seen.set(identity(record), row);
  }
  if (errors.length > 0) return { ok: false, errors };
  audited(ctx, (log) => {
    for (const { record } of parsed.rows) insertExpert(ctx, record, call, log);
  });
  ctx.emit('data.changed', { entity: 'experts' });
  return { ok: true, imported: parsed.rows.length };
}
