import ExcelJS from 'exceljs';
import { basename } from 'node:path';
import { AppError, type FieldError } from '../../../shared/api/errors';
import {
  FRAMEWORK_SCHEMA_VERSION,
  parseFramework,
  type Framework,
  type FrameworkCategory,
  type LocalizedText,
  type NodeKind,
} from '../../../shared/domain/frameworks';
import { loaded, type LoadedFramework } from './loaded-framework';

/**
 * Spreadsheet layout for a framework (a city's variant of the criteria, typed by the award office):
 *
 * Sheet "framework" — one setting per row, key in column A, value in column B:
 *   code | version | revision (default 1) | name.zh-CN | name.en | name.zh-TW   (required but revision)
 *   total (optional; when given, the categories must add up to it)
 *   notes.zh-CN | notes.en | notes.zh-TW | scale.min | scale.max | scale.step (optional)
 *   terms.category (category|criterion) | terms.item (item|subCriterion) (optional)
 *
 * Sheet "nodes" — row 1 is the header, then one row per node, categories before their items:
 *   id | parent | level | kind | points | zh-CN | en | zh-TW
 *   - level: category (or criterion) for a top-level node, parent empty;
 *            item (or sub-criterion) for a scored item, parent = its category's id.
 *   - kind: process | results (过程 | 结果 accepted).
 *   - points: a positive whole number. A category's points must equal the sum of its items'.
 *   Header names are matched case-insensitively, in any column order; blank rows are skipped.
 *
 * What the sheet does not carry (band guidance; scale, terms and notes when absent) comes from
 * the base framework the office chose the variant from, normally GB/T 19580-2012.
 *
 * Every refusal names the sheet, row and column (letter) of the offending cell.
 */
export const XLSX_META_SHEET = 'framework';
export const XLSX_NODES_SHEET = 'nodes';
export const XLSX_NODE_COLUMNS = ['id', 'parent', 'level', 'kind', 'points', 'zh-CN', 'en', 'zh-TW'] as const;
type NodeColumn = (typeof XLSX_NODE_COLUMNS)[number];

interface CellRef {
  sheet: string;
  row: number;
  column: string;
}

function cellError(key: string, ref: CellRef, params: Record<string, string | number> = {}): AppError {
  const fullKey = `frameworks.error.${key}`;
  const all = { ...ref, ...params };
  return new AppError('validation', fullKey, all, [{ path: `${ref.sheet}!${ref.column}${ref.row}`, key: fullKey, params: all }]);
}

function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The text a user sees in a cell, whatever exceljs made of it (rich text, formula result …). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text).trim();
  return '';
}

function readMeta(workbook: ExcelJS.Workbook): Map<string, { value: string; ref: CellRef }> {
  const sheet = workbook.getWorksheet(XLSX_META_SHEET);
  if (!sheet) throw new AppError('validation', 'frameworks.error.xlsxSheetMissing', { sheet: XLSX_META_SHEET });
  const meta = new Map<string, { value: string; ref: CellRef }>();
  sheet.eachRow((row, rowNumber) => {
    const key = cellText(row.getCell(1).value);
    if (key) meta.set(key, { value: cellText(row.getCell(2).value), ref: { sheet: XLSX_META_SHEET, row: rowNumber, column: 'B' } });
  });
  return meta;
}

function wholeNumber(text: string, ref: CellRef, key: string, min: number): number {
  const value = Number(text);
  if (text === '' || !Number.isInteger(value) || value < min) throw cellError(key, ref, { value: text });
  return value;
}

interface NodeRow {
  id: string;
  parent: string;
  level: 'category' | 'item';
  kind: NodeKind;
  points: number;
  names: LocalizedText;
  row: number;
}

const LEVELS: Record<string, 'category' | 'item'> = {
  category: 'category', criterion: 'category', 类目: 'category', 類目: 'category',
  item: 'item', 'sub-criterion': 'item', subcriterion: 'item', 评分项: 'item', 評分項: 'item',
};
const KINDS: Record<string, NodeKind> = { process: 'process', results: 'results', 过程: 'process', 過程: 'process', 结果: 'results', 結果: 'results' };

function readNodes(workbook: ExcelJS.Workbook): { nodes: NodeRow[]; letters: Record<NodeColumn, string> } {
  const sheet = workbook.getWorksheet(XLSX_NODES_SHEET);
  if (!sheet) throw new AppError('validation', 'frameworks.error.xlsxSheetMissing', { sheet: XLSX_NODES_SHEET });
  const header = sheet.getRow(1);
  const columnOf = new Map<NodeColumn, number>();
  header.eachCell((cell, col) => {
    const name = cellText(cell.value).toLowerCase();
    const match = XLSX_NODE_COLUMNS.find((c) => c.toLowerCase() === name);
    if (match && !columnOf.has(match)) columnOf.set(match, col);
  });
  for (const column of XLSX_NODE_COLUMNS) {
    if (!columnOf.has(column)) throw new AppError('validation', 'frameworks.error.xlsxColumnMissing', { sheet: XLSX_NODES_SHEET, row: 1, header: column });
  }
  const nodes: NodeRow[] = [];
  const seen = new Map<string, NodeRow>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const ref = (column: NodeColumn): CellRef => ({ sheet: XLSX_NODES_SHEET, row: r, column: columnLetter(columnOf.get(column)!) });
    const text = (column: NodeColumn) => cellText(row.getCell(columnOf.get(column)!).value);
    if (XLSX_NODE_COLUMNS.every((column) => text(column) === '')) continue;
    const required = (column: NodeColumn) => {
      const value = text(column);
      if (value === '') throw cellError('xlsxCellRequired', ref(column), { header: column });
      return value;
    };
    const id = required('id');
    if (seen.has(id)) throw cellError('xlsxDuplicateId', ref('id'), { nodeId: id, firstRow: seen.get(id)!.row });
    const level = LEVELS[required('level').toLowerCase()];
    if (!level) throw cellError('xlsxLevelInvalid', ref('level'), { value: text('level') });
    const kind = KINDS[required('kind').toLowerCase()];
    if (!kind) throw cellError('xlsxKindInvalid', ref('kind'), { value: text('kind') });
    const parent = text('parent');
    if (level === 'category' && parent !== '') throw cellError('xlsxParentNotAllowed', ref('parent'), { nodeId: id, value: parent });
    if (level === 'item') {
      if (parent === '') throw cellError('xlsxCellRequired', ref('parent'), { header: 'parent' });
      if (seen.get(parent)?.level !== 'category') throw cellError('xlsxParentUnknown', ref('parent'), { nodeId: id, value: parent });
    }
    const points = wholeNumber(required('points'), ref('points'), 'xlsxPointsInvalid', 1);
    const names = { 'zh-CN': required('zh-CN'), en: required('en'), 'zh-TW': required('zh-TW') };
    const node: NodeRow = { id, parent, level, kind, points, names, row: r };
    seen.set(id, node);
    nodes.push(node);
  }
  if (nodes.length === 0) throw new AppError('validation', 'frameworks.error.xlsxNoNodes', { sheet: XLSX_NODES_SHEET });
  const letters = Object.fromEntries(XLSX_NODE_COLUMNS.map((c) => [c, columnLetter(columnOf.get(c)!)])) as Record<NodeColumn, string>;
  return { nodes, letters };
}

function buildFramework(meta: ReturnType<typeof readMeta>, nodes: NodeRow[], base: Framework): unknown {
  const get = (key: string) => meta.get(key)?.value ?? '';
  const required = (key: string) => {
    const value = get(key);
    if (value === '') throw new AppError('validation', 'frameworks.error.xlsxMetaMissing', { sheet: XLSX_META_SHEET, key });
    return value;
  };
  const optionalText = (prefix: string): LocalizedText | undefined =>
    get(`${prefix}.zh-CN`) || get(`${prefix}.en`) || get(`${prefix}.zh-TW`)
      ? { 'zh-CN': required(`${prefix}.zh-CN`), en: required(`${prefix}.en`), 'zh-TW': required(`${prefix}.zh-TW`) }
      : undefined;
  const numberOr = (key: string, fallback: number, min: number) =>
    meta.has(key) && get(key) !== '' ? wholeNumber(get(key), meta.get(key)!.ref, 'xlsxNumberInvalid', min) : fallback;

  const categories: FrameworkCategory[] = [];
  for (const node of nodes) {
    const { id, kind, points, names } = node;
    if (node.level === 'category') categories.push({ id, kind, points, names, items: [] });
    else categories.find((c) => c.id === node.parent)!.items.push({ id, kind, points, names });
  }
  const sumOfCategories = categories.reduce((s, c) => s + c.points, 0);
  return {
    schemaVersion: FRAMEWORK_SCHEMA_VERSION,
    code: required('code'),
    version: required('version'),
    revision: numberOr('revision', 1, 1),
    names: { 'zh-CN': required('name.zh-CN'), en: required('name.en'), 'zh-TW': required('name.zh-TW') },
    ...(optionalText('notes') ? { notes: optionalText('notes') } : {}),
    terms: { category: get('terms.category') || base.terms.category, item: get('terms.item') || base.terms.item },
    total: numberOr('total', sumOfCategories, 1),
    scale: {
      min: numberOr('scale.min', base.scale.min, 0),
      max: numberOr('scale.max', base.scale.max, 0),
      step: numberOr('scale.step', base.scale.step, 1),
    },
    bands: base.bands,
    categories,
  };
}

/** Points to the cell behind each problem parseFramework found (the node's points or kind cell). */
function locate(
  error: AppError,
  { nodes, letters }: ReturnType<typeof readNodes>,
  meta: ReturnType<typeof readMeta>,
  file: string,
): AppError {
  const rows = new Map(nodes.map((n) => [n.id, n.row]));
  const where = (field: FieldError): Record<string, string | number> => {
    const nodeId = field.params?.nodeId;
    const column = field.key.endsWith('kindMismatch') ? letters.kind : letters.points;
    if (field.path === 'total') return meta.has('total') ? { ...meta.get('total')!.ref } : { sheet: XLSX_NODES_SHEET };
    if (typeof nodeId === 'string' && rows.has(nodeId)) return { sheet: XLSX_NODES_SHEET, row: rows.get(nodeId)!, column };
    return { sheet: field.path.startsWith('categories') ? XLSX_NODES_SHEET : XLSX_META_SHEET };
  };
  const fields = (error.payload.fields ?? []).map((field) => ({ ...field, params: { ...field.params, ...where(field), file } }));
  const first = fields[0];
  return new AppError(error.payload.code, error.payload.key, { ...error.payload.params, ...(first ? first.params : {}) }, fields);
}

/** Reads a framework from an .xlsx laid out as described above, taking band guidance from `base`. */
export async function loadFrameworkFromXlsx(file: string, options: { base: Framework }): Promise<LoadedFramework> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    throw new AppError('validation', 'frameworks.error.xlsxUnreadable', { file: basename(file) });
  }
  const meta = readMeta(workbook);
  const sheet = readNodes(workbook);
  const data = buildFramework(meta, sheet.nodes, options.base);
  try {
    return loaded(parseFramework(data), { kind: 'xlsx', file });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw locate(error, sheet, meta, basename(file));
  }
}
