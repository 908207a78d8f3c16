/**
 * Which expert × applicant pairs look like conflicts of interest (回避), as a pure function: the
 * office confirms or dismisses each suggestion, so the rules lean towards suggesting.
 */
import type { ConflictKind, ConflictRule } from '../../../../shared/api/panels';

export interface ConflictCandidateExpert {
  id: string;
  organisation: string;
  organisationCreditCode: string | null;
  formerEmployers: readonly { name: string; fromYear: number | null; toYear: number | null }[];
  groupName: string;
}

export interface ConflictCandidateApplicant {
  id: string;
  legalName: string;
  creditCode: string;
}

export interface SuggestedConflict {
  expertId: string;
  applicantId: string;
  rule: ConflictRule;
  kind: ConflictKind;
  from: string | null;
  to: string | null;
  evidence: { key: string; params: Record<string, string | number> };
}

/** Full-width forms, spaces and case do not make two names different (（）→(), Ａ→A). */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

const K = 'panels.conflict.evidence.';

export function suggestConflicts(experts: readonly ConflictCandidateExpert[], applicants: readonly ConflictCandidateApplicant[]): SuggestedConflict[] {
  const out: SuggestedConflict[] = [];
  for (const expert of experts) {
    const organisation = normaliseName(expert.organisation);
    const group = normaliseName(expert.groupName);
    for (const applicant of applicants) {
      const name = normaliseName(applicant.legalName);
      const pair = { expertId: expert.id, applicantId: applicant.id };
      const sameCode = expert.organisationCreditCode !== null && applicant.creditCode !== '' && expert.organisationCreditCode === applicant.creditCode;
      if (sameCode) {
        out.push({ ...pair, rule: 'sameCreditCode', kind: 'employment', from: null, to: null, evidence: { key: `${K}sameCreditCode`, params: { creditCode: applicant.creditCode } } });
      } else if (organisation !== '' && (organisation === name || (name.length >= 4 && organisation.includes(name)))) {
        // "…有限公司质量部" is still the applicant.
        out.push({ ...pair, rule: 'sameOrganisation', kind: 'employment', from: null, to: null, evidence: { key: `${K}sameOrganisation`, params: { organisation: expert.organisation } } });
      }
      const employer = expert.formerEmployers.find((e) => normaliseName(e.name) === name);
      if (employer) {
        out.push({
          ...pair,
          rule: 'formerEmployer',
          kind: 'employment',
          from: employer.fromYear === null ? null : `${employer.fromYear}-01-01`,
          to: employer.toYear === null ? null : `${employer.toYear}-12-31`,
          evidence: { key: `${K}formerEmployer`, params: { employer: employer.name, from: employer.fromYear ?? '?', to: employer.toYear ?? '?' } },
        });
      }
      // A one-character group name would match half the register.
      if (group.length >= 2 && name.includes(group)) {
        out.push({ ...pair, rule: 'sameGroup', kind: 'other', from: null, to: null, evidence: { key: `${K}sameGroup`, params: { group: expert.groupName } } });
      }
    }
  }
  return out;
}
