import type { Applicant, OwnershipType } from '../../../../shared/domain/applicant';
import type { IncidentKind } from '../../../../shared/domain/eligibility';
import type { FieldPath } from '../../errors';

/** What the form holds: the record's shape, with the industry as a cascader path and optional blanks. */
export interface ApplicantFormValues {
  legalName?: string;
  creditCode?: string;
  industry?: string[];
  region?: string;
  areaCode?: string | null;
  ownership?: OwnershipType;
  employees?: number | null;
  revenue?: number | null;
  registrationDate?: string | null;
  yearsPractisingExcellence?: number | null;
  previousAwardYears?: (string | number)[];
  incidents?: { date?: string | null; kind?: IncidentKind; major?: boolean; description?: string }[];
  contacts?: { name?: string; phone?: string; email?: string }[];
}

export const blankApplicant: ApplicantFormValues = {
  incidents: [],
  contacts: [{ name: '', phone: '', email: '' }],
  previousAwardYears: [],
};

export function toFormValues(record: Applicant): ApplicantFormValues {
  return {
    ...record,
    industry: [record.industry.section, record.industry.division],
    areaCode: record.areaCode ?? '',
    incidents: record.incidents.map((incident) => ({ ...incident })),
    contacts: record.contacts.map((contact) => ({ ...contact })),
    previousAwardYears: [...record.previousAwardYears],
  };
}

const orUndefined = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

/** The record as the contract expects it (unparsed: the domain schema decides what is valid). */
export function toRecordInput(values: ApplicantFormValues): Record<string, unknown> {
  const [section, division] = values.industry ?? [];
  return {
    legalName: values.legalName ?? '',
    creditCode: values.creditCode ?? '',
    industry: { section: section ?? '', division: division ?? '' },
    region: values.region ?? '',
    areaCode: values.areaCode ? values.areaCode : null,
    ownership: values.ownership,
    employees: orUndefined(values.employees),
    revenue: orUndefined(values.revenue),
    registrationDate: values.registrationDate ?? '',
    yearsPractisingExcellence: orUndefined(values.yearsPractisingExcellence),
    previousAwardYears: (values.previousAwardYears ?? []).map((year) => (typeof year === 'number' ? year : Number(String(year).trim()))),
    incidents: (values.incidents ?? []).map((incident) => ({ date: incident.date ?? '', kind: incident.kind, major: incident.major ?? false, description: incident.description ?? '' })),
    contacts: (values.contacts ?? []).map((contact) => ({ name: contact.name ?? '', phone: contact.phone ?? '', email: contact.email ?? '' })),
  };
}

/** Core paths (`record.industry.division`, `contacts.0.phone`) → the form's field names. */
export function applicantFieldPath(path: FieldPath): FieldPath | undefined {
  const inner = path[0] === 'record' ? path.slice(1) : path;
  if (inner[0] === 'industry') return ['industry'];
  if (inner[0] === 'previousAwardYears') return ['previousAwardYears'];
  return inner.length > 0 ? inner : undefined;
}

export const isArrayField = (name: FieldPath): boolean => name.length === 1 && (name[0] === 'industry' || name[0] === 'previousAwardYears');
