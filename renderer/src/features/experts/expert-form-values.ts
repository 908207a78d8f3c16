import type { ExpertRecord, ExpertRecordInput } from '../../../../shared/api/panels';
import type { FieldPath } from '../../errors';

export interface ExpertFormValues {
  name: string;
  organisation: string;
  organisationCreditCode: string;
  title: string;
  qualificationNumber: string;
  specialties: string[];
  contact: { phone: string; email: string };
  availability: { documentReview: boolean; presentation: boolean; siteVisit: boolean };
  formerEmployers: { name: string; fromYear: number | null; toYear: number | null }[];
  groupName: string;
}

export const blankExpert: ExpertFormValues = {
  name: '',
  organisation: '',
  organisationCreditCode: '',
  title: '',
  qualificationNumber: '',
  specialties: [],
  contact: { phone: '', email: '' },
  availability: { documentReview: true, presentation: true, siteVisit: true },
  formerEmployers: [],
  groupName: '',
};

export function toFormValues(record: ExpertRecord): ExpertFormValues {
  return { ...record, organisationCreditCode: record.organisationCreditCode ?? '', specialties: [...record.specialties], formerEmployers: record.formerEmployers.map((e) => ({ ...e })) };
}

export function toRecordInput(values: ExpertFormValues): ExpertRecordInput {
  const code = (values.organisationCreditCode ?? '').trim().toUpperCase();
  return {
    name: values.name ?? '',
    organisation: values.organisation ?? '',
    organisationCreditCode: code === '' ? null : code,
    title: values.title ?? '',
    qualificationNumber: values.qualificationNumber ?? '',
    specialties: (values.specialties ?? []) as ExpertRecordInput['specialties'],
    contact: { phone: values.contact?.phone ?? '', email: values.contact?.email ?? '' },
    availability: values.availability,
    formerEmployers: (values.formerEmployers ?? []).map((e) => ({ name: e?.name ?? '', fromYear: e?.fromYear ?? null, toYear: e?.toYear ?? null })),
    groupName: values.groupName ?? '',
  };
}

/** The core names fields inside `record`; the form names them from the record down. */
export function expertFieldPath(path: FieldPath): FieldPath | undefined {
  return path[0] === 'record' ? path.slice(1) : path;
}

export const isArrayField = (name: FieldPath) => name.length === 1 && name[0] === 'specialties';
