/**
 * Reading the applicants workbook sheet by sheet: finding the header row, reading data rows and
 * collecting row-level errors (one per cell, sorted as the user reads the file).
 */
import type ExcelJS from 'exceljs';
import type { Message } from '../../../shared/api/errors';
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/i18n/languages';
import { plainValue, textOf, type CellResult, type Plain } from './xlsx-cells';
import { SHEET_COLUMNS, columnIdOf, headerText, type ColumnId, type SheetId } from './xlsx-columns';

export interface ImportError extends Message {
  /** Worksheet name as in the file. */
  sheet: string;
  /** 1-based row number as Excel shows it; 0 when the error concerns the whole file. */
  row: number;
  /** Column header as written in the file (or the expected header when missing); null for the whole row. */
  column: string | null;
}

/** A title row or two above the headers is common in office templates. */
const HEADER_SEARCH_ROWS = 5;

export interface SheetInfo {
  id: SheetId;
  order: number;
  worksheet: ExcelJS.Worksheet;
  headerRow: number;
  columns: Map<ColumnId, { index: number; header: string }>;
  language: Language;
}

export class ErrorList {
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

export function locateHeaders(id: SheetId, order: number, worksheet: ExcelJS.Worksheet, errors: ErrorList): SheetInfo | null {
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
export function readRow(sheet: SheetInfo, row: number, errors: ErrorList): Map<ColumnId, Plain> | null {
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

export class RowReader {
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

export function dataRows(sheet: SheetInfo): number[] {
  const rows: number[] = [];
  for (let r = sheet.headerRow + 1; r <= sheet.worksheet.rowCount; r++) rows.push(r);
  return rows;
}
