import ExcelJS from 'exceljs';
import type { Framework } from '../../../shared/domain/frameworks';
import { XLSX_META_SHEET, XLSX_NODE_COLUMNS, XLSX_NODES_SHEET } from './load-xlsx';

/**
 * Writes a framework in the spreadsheet layout loadFrameworkFromXlsx reads, so an office can start
 * its city variant from a built-in framework instead of an empty sheet. Band guidance is not
 * written: it comes from the base framework on import.
 */
export async function saveFrameworkXlsx(framework: Framework, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const meta = workbook.addWorksheet(XLSX_META_SHEET);
  const rows: [string, string | number][] = [
    ['code', framework.code],
    ['version', framework.version],
    ['revision', framework.revision],
    ['name.zh-CN', framework.names['zh-CN']],
    ['name.en', framework.names.en],
    ['name.zh-TW', framework.names['zh-TW']],
    ['total', framework.total],
    ['scale.min', framework.scale.min],
    ['scale.max', framework.scale.max],
    ['scale.step', framework.scale.step],
    ['terms.category', framework.terms.category],
    ['terms.item', framework.terms.item],
  ];
  if (framework.notes) {
    rows.push(['notes.zh-CN', framework.notes['zh-CN']], ['notes.en', framework.notes.en], ['notes.zh-TW', framework.notes['zh-TW']]);
  }
  for (const row of rows) meta.addRow(row);
  const nodes = workbook.addWorksheet(XLSX_NODES_SHEET);
  nodes.addRow([...XLSX_NODE_COLUMNS]);
  for (const category of framework.categories) {
    const n = category.names;
    nodes.addRow([category.id, '', 'category', category.kind, category.points, n['zh-CN'], n.en, n['zh-TW']]);
    for (const item of category.items) {
      const m = item.names;
      nodes.addRow([item.id, category.id, 'item', item.kind, item.points, m['zh-CN'], m.en, m['zh-TW']]);
    }
  }
  await workbook.xlsx.writeFile(file);
}
