/**
 * Excel export of applicants: translated sheet names, headers and labels; the same layout the
 * importer reads back.
 */
import ExcelJS from 'exceljs';
import type { Applicant } from '../../../shared/domain/applicant';
import { divisionName, sectionName } from '../../../shared/domain/industries';
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/i18n/languages';
import { SHEET_COLUMNS, type ColumnId, type SheetId } from './xlsx-columns';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

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
