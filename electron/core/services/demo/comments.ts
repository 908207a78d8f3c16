/** Examiners' strengths (优势) and opportunities for improvement (改进机会) for the demo, by item kind. */
import type { Random } from './random';
import type { IndustryProfile } from './vocabulary';

const PROCESS_STRENGTHS: readonly string[] = [
  '{item}方面建立了系统的方法，职责清晰、制度完整，并通过年度评审持续改进，已在主要部门有效展开。',
  '围绕{item}设定了明确的目标和测量指标，与战略目标保持一致，{digital}为过程管理提供了及时的数据支持。',
  '{item}的做法注重从顾客和员工反馈中学习，形成了 PDCA 闭环，多项改进成果在全公司推广应用。',
  '{item}与{tech}的战略优势结合紧密，跨部门协同机制运行良好，展开程度较高。',
  '在{item}方面借鉴了行业标杆的做法并结合自身特点创新，形成了具有特色的管理模式。',
];

const PROCESS_OPPORTUNITIES: readonly string[] = [
  '{item}的方法在分子公司和新业务单元的展开尚不充分，未见系统的评价与改进证据。',
  '{item}相关做法的有效性评价主要依赖定性描述，缺少量化指标和趋势数据支撑。',
  '{item}的学习与创新机制尚未形成闭环，改进成果的分享和推广有待加强。',
  '{item}与{p2}等关键过程的整合不够紧密，部分目标设定依据不够清晰。',
  '未见{item}方面与竞争对手或标杆的系统对比，难以判断做法的先进程度。',
];

const RESULTS_STRENGTHS: readonly string[] = [
  '{item}的主要指标近三年呈持续改善趋势，{metric}优于行业平均水平。',
  '{item}提供了较完整的三年数据，多项指标达到省内同行业领先水平。',
  '{item}的关键指标与战略目标对应清晰，目标达成率较高。',
];

const RESULTS_OPPORTUNITIES: readonly string[] = [
  '{item}缺少与主要竞争对手或标杆的对比数据，难以判断绩效的相对水平。',
  '{item}部分指标仅有两年数据，趋势不够明确，细分数据（按产品、顾客群）不够充分。',
  '{item}中个别指标出现波动，未见原因分析和改进措施的说明。',
];

function fill(template: string, itemName: string, industry: IndustryProfile): string {
  return template
    .replaceAll('{item}', itemName)
    .replaceAll('{digital}', industry.digital)
    .replaceAll('{tech}', industry.tech)
    .replaceAll('{p2}', industry.processes[1])
    .replaceAll('{metric}', industry.metric);
}

/** One or two of each, different per expert (the seed decides which). */
export function expertComments(kind: 'process' | 'results', itemName: string, industry: IndustryProfile, random: Random): { strengths: string[]; opportunities: string[] } {
  const strengths = kind === 'process' ? PROCESS_STRENGTHS : RESULTS_STRENGTHS;
  const opportunities = kind === 'process' ? PROCESS_OPPORTUNITIES : RESULTS_OPPORTUNITIES;
  return {
    strengths: random.sample(strengths, random.int(1, 2)).map((t) => fill(t, itemName, industry)),
    opportunities: random.sample(opportunities, random.int(1, 2)).map((t) => fill(t, itemName, industry)),
  };
}
