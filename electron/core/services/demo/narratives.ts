/**
 * Self-assessment (自评报告) text for the demo: per criteria item a paragraph on the approach, then
 * deployment, learning and integration (ADLI) for process items, or levels, trends and comparisons
 * for results items, filled from the applicant's industry vocabulary with seeded figures.
 */
import type { Random } from './random';
import type { IndustryProfile } from './vocabulary';

/** The item's own approach, two variants each. */
const APPROACH: Record<string, readonly string[]> = {
  '4.1.2': [
    '{c}高层领导以“质量第一、顾客至上”为核心价值观，确立了“成为{market}领先者”的愿景，每年通过战略研讨会、质量大会和职工代表大会向全体员工和主要相关方传递使命、愿景和价值观。',
    '公司董事长亲自担任质量管理委员会主任，高层领导每季度深入{p1}、{p2}现场开展“质量走访”，带头践行“用数据说话、让顾客满意”的理念，营造诚信守法、持续改进的组织文化。',
  ],
  '4.1.3': [
    '{c}建立了股东会、董事会、监事会和经营层各司其职的治理结构，制定了《公司章程》《“三重一大”决策制度》，重大事项经集体决策并接受审计监督，对高层领导实行年度述职和绩效评价。',
    '公司通过内部审计、外部审计和纪检监察“三道防线”保护股东和相关方权益，高层领导绩效与战略目标完成情况、顾客满意度和安全环保指标挂钩，评价结果用于薪酬和任用。',
  ],
  '4.1.4': [
    '{c}识别了{risk}等公共责任风险，建立了风险清单和应急预案，近三年未发生重大安全、质量和环境事件；坚持诚信经营，连续多年获评纳税信用 A 级企业。',
    '公司积极支持公益事业，设立“{brand}关爱基金”，每年开展助学、志愿服务和社区共建活动，带动{supplier}共同履行社会责任，社会责任报告定期向社会公开。',
  ],
  '4.2.2': [
    '{c}建立了“环境扫描—战略研讨—目标分解—评审修订”的战略制定过程，运用 PEST、SWOT 和波特五力模型分析{market}的发展趋势，识别出核心竞争力在于{tech}。',
    '公司每年十月启动战略规划，由战略发展部收集顾客、竞争对手、技术和政策信息，形成五年滚动战略规划和年度经营计划，战略目标涵盖市场、财务、创新和人才四个维度。',
  ],
  '4.2.3': [
    '{c}运用平衡计分卡将战略目标分解为部门和岗位的关键绩效指标，通过“战略地图—年度计划—月度经营分析”三级机制推进实施，资源配置优先保障{tech}等战略项目。',
    '公司建立了战略实施的监测预警机制，月度经营分析会跟踪{metric}等关键指标，偏差超过 5% 时启动纠偏措施，年中对战略实施情况进行评审并调整行动计划。',
  ],
  '4.3.2': [
    '{c}将顾客细分为战略顾客、重点顾客和一般顾客三类，主要服务{customers}，通过顾客走访、展会、第三方调研和大数据分析了解顾客需求和期望的变化。',
    '公司建立了“顾客之声”收集渠道，涵盖销售拜访、技术交流、投诉热线和线上平台，每年形成市场分析报告，将顾客需求转化为{products}的设计输入。',
  ],
  '4.3.3': [
    '{c}建立了以顾客为中心的服务体系，承诺 2 小时响应、24 小时到达现场，投诉处理实行“首问负责、限时办结、回访关闭”，每年委托第三方开展顾客满意度测评。',
    '公司建立了顾客关系分级管理制度，为战略顾客配置专属服务团队，通过联合研发、驻厂服务和年度高层互访深化合作，顾客满意度和忠诚度持续提升。',
  ],
  '4.4.2': [
    '{c}建立了以岗位价值和绩效为导向的人力资源管理体系，实施“管理、技术、技能”三通道职业发展，员工培训覆盖率 100%，人均年培训 {a} 学时。',
    '公司通过“金蓝领”工匠培养计划和导师带徒机制培养{p2}等关键岗位人才，开展员工满意度调查并持续改善工作环境，近三年关键人才流失率控制在 3% 以内。',
  ],
  '4.4.3': [
    '{c}实行全面预算管理和资金集中管控，建立了财务风险预警指标体系，资产负债率保持在合理区间，投资项目实行可行性研究和后评价制度。',
    '公司通过成本对标和精益改善持续降本增效，财务资源优先投向{tech}研发和数字化升级，资金使用效率逐年提高。',
  ],
  '4.4.4': [
    '{c}建设了{digital}等信息系统，实现了研发、生产、销售和服务数据的互联互通，建立了知识库和经验教训库，员工可随时检索和共享最佳实践。',
    '公司制定了信息安全管理制度，通过等级保护测评，关键数据实行异地备份；通过技术论坛、QC 小组成果发布等方式促进知识的积累和传承。',
  ],
  '4.4.5': [
    '{c}建有省级企业技术中心，研发投入占营业收入的 {b}%，围绕{tech}形成了自主知识产权体系，累计拥有有效发明专利 {a} 项。',
    '公司实行“基础研究—应用开发—产业化”三级研发体系，与高校共建联合实验室，技术路线图每年评审更新，确保核心技术持续领先。',
  ],
  '4.4.6': [
    '{c}按照精益布局规划建设了智能化生产和服务设施，关键设备实行全员生产维护（TPM），设备综合效率逐年提升。',
    '公司建立了设备设施全生命周期管理制度，通过预防性维护和状态监测保障{p3}等关键过程的稳定运行，能源管理体系有效降低了单位能耗。',
  ],
  '4.4.7': [
    '{c}将{supplier}纳入相关方管理，实行分级评价和动态管理，与战略供方签订长期合作协议，共同开展质量改进和技术攻关。',
    '公司定期召开供方大会，对优秀供方给予表彰，通过供方帮扶和联合审核提升供应链整体质量水平，关键物料实行双来源保障。',
  ],
  '4.5.2': [
    '{c}基于价值链识别了{p1}、{p2}、{p3}等关键过程和支持过程，明确了各过程的顾客要求和关键绩效指标，形成了过程清单和过程地图。',
    '公司运用 APQP、FMEA 和 DFSS 等方法设计过程，将顾客要求、法律法规和{tech}的要求融入过程设计，新过程投入运行前进行验证和确认。',
  ],
  '4.5.3': [
    '{c}通过标准作业、过程监控和分层审核确保关键过程受控，运用 SPC 监测{p2}的关键参数，异常时按照 8D 方法分析原因并采取纠正措施。',
    '公司推行精益生产和六西格玛管理，每年开展过程绩效评审，近三年完成过程改进项目 {a} 项，{metric}显著提升。',
  ],
  '4.6.2': [
    '{c}建立了覆盖战略、运营和顾客的绩效测量体系，选择{metric}等关键指标进行日常监测，数据来源于{digital}并定期校核准确性。',
    '公司每月开展经营绩效分析，与行业标杆和主要竞争对手进行对比，运用趋势分析和根因分析支持决策，分析结果在管理层和员工中共享。',
  ],
  '4.6.3': [
    '{c}建立了“合理化建议—QC 小组—精益项目—创新项目”四级改进体系，近三年员工合理化建议 {a} 条，采纳率超过 60%。',
    '公司设立创新基金，鼓励员工开展技术创新和管理创新，每年评选改进创新成果并在全公司推广，形成了持续改进的文化氛围。',
  ],
};

const DEPLOY: readonly string[] = [
  '上述做法已在公司各部门和分子公司全面展开，通过制度文件、培训宣贯和绩效考核确保落实，{y2}年以来覆盖率保持 100%。',
  '相关方法通过管理手册和程序文件固化，并在{p1}、{p2}和职能部门系统展开，定期开展内部审核检查执行情况。',
  '公司将该做法纳入年度工作计划，由责任部门牵头、各单位协同推进，执行情况纳入月度绩效考核。',
];

const LEARN: readonly string[] = [
  '公司每年对该过程进行评价，借鉴卓越绩效标杆企业经验，{y1}年对方法进行了优化，效率提升约 {b}0%。',
  '通过年度管理评审和外部对标，公司识别改进机会并持续完善做法，相关改进成果获得滨海市优秀质量管理成果奖。',
  '公司定期收集员工和顾客反馈，运用 PDCA 循环持续改进，近两年已完成两轮方法更新。',
];

const INTEGRATE: readonly string[] = [
  '该做法与公司战略目标和年度经营计划保持一致，与人力资源、信息管理等过程相互协调，支撑了{metric}等关键结果的持续改善。',
  '相关过程与战略部署、顾客管理和绩效测量体系有效整合，形成了协调一致的管理系统。',
];

/** Results items: what is measured and the three-year figures. */
const RESULTS: Record<string, readonly string[]> = {
  '4.7.2': [
    '{c}主要产品和服务的{metric}{y2}年至{y0}年分别为 {r1}%、{r2}% 和 {r3}%，持续优于行业平均水平（{r0}%），关键质量特性指标达到国内领先水平。',
    '近三年{products}的质量损失率逐年下降，顾客投诉数量下降 {b}0%，产品通过了{cert}认证，多项产品获评省名牌产品。',
  ],
  '4.7.3': [
    '第三方测评显示，{c}顾客满意度{y2}年至{y0}年分别为 {s1}、{s2} 和 {s3} 分，高于主要竞争对手；战略顾客保持率保持 95% 以上。',
    '公司在{market}的市场占有率由 {m1}% 提升至 {m2}%，新顾客数量年均增长 {b}%，品牌影响力持续提升。',
  ],
  '4.7.4': [
    '{c}营业收入{y2}年至{y0}年分别为 {f1} 亿元、{f2} 亿元和 {f3} 亿元，年均增长 {b}%；利润总额和净资产收益率均优于行业平均水平。',
    '近三年公司全员劳动生产率和总资产周转率持续提高，资产负债率稳定在 50% 以下，经营性现金流保持充裕。',
  ],
  '4.7.5': [
    '{c}员工满意度由 {s1} 分提升至 {s3} 分，关键人才保有率超过 97%，近三年培养省级以上技能人才 {a} 名。',
    '研发投入强度保持在 {b}% 以上，新增发明专利 {a} 项，信息化覆盖率达到 95%，单位产值能耗三年下降 {b}%。',
  ],
  '4.7.6': [
    '{c}关键过程的{metric}持续提升，{p2}过程能力指数 Cpk 由 1.12 提高到 1.45，生产周期缩短 {b}%。',
    '近三年供方交付及时率由 {r0}% 提高到 {r3}%，库存周转天数下降 {b}%，过程有效性指标全面达到或超过目标值。',
  ],
  '4.7.7': [
    '{c}近三年未发生重大质量、安全和环境事故，依法纳税、诚信经营，公益支出累计 {a} 万元，获得“滨海市文明单位”等荣誉。',
    '战略目标达成率连续三年超过 95%，治理结构规范有效，内外部审计未发现重大缺陷，员工对高层领导的认可度持续提高。',
  ],
};

export interface NarrativeFacts {
  company: string;
  brand: string;
  year: number;
  industry: IndustryProfile;
}

function fill(template: string, facts: NarrativeFacts, random: Random): string {
  const { industry: v, year } = facts;
  const r0 = random.int(90, 95);
  const values: Record<string, string | number> = {
    c: facts.company,
    brand: facts.brand,
    products: v.products,
    customers: v.customers,
    p1: v.processes[0],
    p2: v.processes[1],
    p3: v.processes[2],
    metric: v.metric,
    tech: v.tech,
    digital: v.digital,
    supplier: v.supplier,
    risk: v.risk,
    cert: v.certification,
    market: v.market,
    y0: year - 1,
    y1: year - 2,
    y2: year - 3,
    a: random.int(12, 86),
    b: random.int(3, 9),
    r0,
    r1: (r0 + random.int(10, 30) / 10).toFixed(1),
    r2: (r0 + random.int(31, 45) / 10).toFixed(1),
    r3: (r0 + random.int(46, 60) / 10).toFixed(1),
    s1: random.int(82, 85),
    s2: random.int(86, 88),
    s3: random.int(89, 93),
    m1: random.int(8, 12),
    m2: random.int(13, 18),
    f1: random.int(8, 12),
    f2: random.int(13, 16),
    f3: random.int(17, 22),
  };
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** Three or four paragraphs for one item, separated by newlines. */
export function itemNarrative(itemId: string, kind: 'process' | 'results', facts: NarrativeFacts, random: Random): string {
  if (kind === 'results') {
    const pool = RESULTS[itemId] ?? RESULTS['4.7.2']!;
    return pool.map((t) => fill(t, facts, random)).join('\n');
  }
  const approach = APPROACH[itemId] ?? APPROACH['4.5.2']!;
  const paragraphs = [random.pick(approach), random.pick(DEPLOY), random.pick(LEARN), ...(random.chance(0.6) ? [random.pick(INTEGRATE)] : [])];
  // The other approach variant too, for about half the items: narratives of varied length.
  if (random.chance(0.5)) paragraphs.splice(1, 0, approach.find((t) => t !== paragraphs[0]) ?? approach[0]!);
  return paragraphs.map((t) => fill(t, facts, random)).join('\n');
}

export function organisationProfile(facts: NarrativeFacts, employees: number, founded: number, random: Random): string {
  const v = facts.industry;
  return [
    `${facts.company}成立于${founded}年，现有员工${employees}人，主要从事${v.products}的研发、生产和服务，主要顾客为${v.customers}。`,
    `公司以${v.tech}为核心竞争力，关键过程包括${v.processes.join('、')}，已通过${v.certification}认证，建有${v.digital}。`,
    `公司自${facts.year - random.int(5, 9)}年起导入卓越绩效管理模式，先后获得滨海市质量管理优秀企业、省级“专精特新”企业等称号，本次申报${facts.year}年度滨海市市长质量奖。`,
  ].join('\n');
}
