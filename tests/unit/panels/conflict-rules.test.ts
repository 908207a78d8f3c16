import { describe, expect, it } from 'vitest';
import { normaliseName, suggestConflicts, type ConflictCandidateExpert } from '../../../electron/core/services/panels/conflict-rules';
import { createTranslator } from '../../../electron/core/i18n';

const applicants = [
  { id: 'minjiang', legalName: '福建闽江精密机械股份有限公司', creditCode: '91350100M000100Y43' },
  { id: 'haixia', legalName: '海峡集团（厦门）食品有限公司', creditCode: '91350200MA2Y0000K0' },
];

const expert = (patch: Partial<ConflictCandidateExpert>): ConflictCandidateExpert => ({
  id: 'e',
  organisation: '福州大学',
  organisationCreditCode: null,
  formerEmployers: [],
  groupName: '',
  ...patch,
});

describe('conflict suggestion rules', () => {
  it('same organisation, ignoring spaces, full-width forms and a department suffix', () => {
    expect(normaliseName(' 海峡集团（厦门）食品有限公司 ')).toBe(normaliseName('海峡集团(厦门)食品有限公司'));
    const found = suggestConflicts([expect_('a', '福建闽江精密机械股份有限公司 质量管理部'), expect_('b', '福建闽江精密机械股份有限公司')], applicants);
    expect(found.map((c) => [c.expertId, c.applicantId, c.rule, c.kind])).toEqual([
      ['a', 'minjiang', 'sameOrganisation', 'employment'],
      ['b', 'minjiang', 'sameOrganisation', 'employment'],
    ]);
  });

  it('same credit code wins over the name (one suggestion, the stronger evidence)', () => {
    const found = suggestConflicts([expert({ id: 'c', organisation: '福建闽江精密机械股份有限公司', organisationCreditCode: '91350100M000100Y43' })], applicants);
    expect(found).toEqual([expect.objectContaining({ rule: 'sameCreditCode', evidence: { key: 'panels.conflict.evidence.sameCreditCode', params: { creditCode: '91350100M000100Y43' } } })]);
  });

  it('a former employer, with its years as the conflict dates', () => {
    const found = suggestConflicts([expert({ id: 'd', formerEmployers: [{ name: '海峡集团(厦门)食品有限公司', fromYear: 2015, toYear: null }] })], applicants);
    expect(found).toEqual([expect.objectContaining({ applicantId: 'haixia', rule: 'formerEmployer', kind: 'employment', from: '2015-01-01', to: null })]);
  });

  it('a group name found in the applicant’s name, but not a one-character one', () => {
    const found = suggestConflicts([expert({ id: 'g', organisation: '海峡集团研究院', groupName: '海峡集团' }), expert({ id: 'h', groupName: '福' })], applicants);
    expect(found.map((c) => [c.expertId, c.applicantId, c.rule, c.kind])).toEqual([['g', 'haixia', 'sameGroup', 'other']]);
  });

  it('suggests nothing for an unrelated expert', () => {
    expect(suggestConflicts([expert({ id: 'x', formerEmployers: [{ name: '闽江', fromYear: null, toYear: null }] })], applicants)).toEqual([]);
  });

  it('renders a refusal with the conflict kind translated in every language', () => {
    const params = { expert: '张伟', applicant: '福建闽江精密机械股份有限公司', kind: 'employment' };
    expect(createTranslator('zh-CN')('panels.conflict.blocksAssignment', params)).toContain('任职关系');
    expect(createTranslator('en')('panels.conflict.blocksAssignment', params)).toContain('Employment');
    expect(createTranslator('zh-TW')('panels.conflict.blocksAssignment', params)).toContain('任職關係');
  });
});

function expect_(id: string, organisation: string): ConflictCandidateExpert {
  return expert({ id, organisation });
}
