/**
 * Per-industry vocabulary for the demo's self-assessments and comments: what a plausible applicant of
 * each trade makes, for whom, how, and what it measures. Fictional city (滨海市); every organisation,
 * person and figure is invented.
 */
export interface IndustryProfile {
  section: string;
  division: string;
  stem: string;
  products: string;
  customers: string;
  processes: readonly [string, string, string];
  metric: string;
  tech: string;
  digital: string;
  supplier: string;
  risk: string;
  certification: string;
  market: string;
}

export const INDUSTRIES: readonly IndustryProfile[] = [
  {
    section: 'C', division: '34', stem: '精工数控机床', products: '五轴联动数控机床和柔性制造单元', customers: '汽车、航空航天和能源装备制造企业',
    processes: ['精密铸造', '关键零件精密加工', '整机装配与精度调试'], metric: '整机一次交验合格率', tech: '五轴联动与热误差补偿技术',
    digital: 'MES 制造执行系统', supplier: '铸件、数控系统和功能部件供应商', risk: '高端数控系统供应中断', certification: 'ISO 9001、ISO 14001 和 ISO 45001', market: '国内中高端数控机床市场',
  },
  {
    section: 'C', division: '39', stem: '微电子科技', products: '车规级功率模块和工业控制板卡', customers: '新能源汽车、光伏逆变器和工业自动化客户',
    processes: ['芯片贴装', '真空回流焊接', '老化测试与出厂检验'], metric: '百万件缺陷数（PPM）', tech: '高可靠功率封装技术',
    digital: '全流程质量追溯系统', supplier: '晶圆、基板和封装材料供应商', risk: '关键芯片供应波动', certification: 'IATF 16949 和 ISO 9001', market: '国内车规级功率器件市场',
  },
  {
    section: 'C', division: '27', stem: '康润制药', products: '心脑血管类化学仿制药和中药配方颗粒', customers: '各级医疗机构、连锁药店和医药流通企业',
    processes: ['原料药合成', '制剂生产', '质量检验与放行'], metric: '产品批次放行合格率', tech: '一致性评价与连续制造技术',
    digital: 'LIMS 实验室信息管理系统', supplier: '原辅料、包材和药用辅料供应商', risk: '药品质量安全与合规', certification: 'GMP 和 ISO 9001', market: '华东地区心脑血管用药市场',
  },
  {
    section: 'C', division: '26', stem: '新材料化工', products: '电子级化学品和高性能涂料树脂', customers: '半导体、显示面板和汽车涂装企业',
    processes: ['合成反应', '精馏提纯', '灌装与危化品储运'], metric: '产品纯度达标率', tech: '超纯提纯与痕量杂质控制技术',
    digital: 'DCS 集散控制系统', supplier: '基础化工原料和包装容器供应商', risk: '安全生产与环境风险', certification: 'ISO 9001、ISO 14001 和责任关怀体系', market: '国内电子化学品市场',
  },
  {
    section: 'C', division: '36', stem: '汽车零部件', products: '底盘结构件和新能源电驱壳体', customers: '国内主流整车企业和一级供应商',
    processes: ['高压铸造', '机加工', '涂装与总成装配'], metric: '客户端零公里故障率', tech: '一体化压铸与轻量化设计技术',
    digital: '数字化工厂平台', supplier: '铝合金原材料和模具供应商', risk: '整车客户订单波动', certification: 'IATF 16949 和 ISO 14001', market: '新能源汽车零部件配套市场',
  },
  {
    section: 'C', division: '14', stem: '海鲜食品', products: '速冻水产品和即食海洋休闲食品', customers: '大型商超、餐饮连锁和电商平台消费者',
    processes: ['原料验收与前处理', '加工与速冻', '冷链仓储配送'], metric: '产品抽检合格率', tech: '超低温速冻与保鲜技术',
    digital: '食品安全追溯平台', supplier: '远洋捕捞和养殖基地', risk: '食品安全与原料季节波动', certification: 'ISO 22000、HACCP 和 BRC', market: '华东地区水产加工食品市场',
  },
  {
    section: 'C', division: '17', stem: '纺织科技', products: '功能性面料和高端家纺产品', customers: '国内外服装品牌和家居零售商',
    processes: ['纺纱', '织造', '印染后整理'], metric: '成品一等品率', tech: '无水染色与功能整理技术',
    digital: '智能排产与能耗监测系统', supplier: '棉花、化纤和染化料供应商', risk: '国际贸易环境变化', certification: 'ISO 9001、OEKO-TEX 和 ISO 14001', market: '中高端功能面料市场',
  },
  {
    section: 'I', division: '65', stem: '智慧软件', products: '政务云平台和工业互联网解决方案', customers: '各级政府部门、公共事业单位和制造企业',
    processes: ['需求分析与方案设计', '敏捷开发与测试', '交付运维'], metric: '系统可用率', tech: '微服务架构与数据中台技术',
    digital: 'DevOps 研发效能平台', supplier: '云计算资源和软硬件合作伙伴', risk: '数据安全与网络安全', certification: 'CMMI 5 级、ISO 27001 和 ISO 20000', market: '省内数字政府和工业软件市场',
  },
  {
    section: 'E', division: '47', stem: '建设工程', products: '公共建筑、城市综合体和装配式住宅工程', customers: '政府投资项目业主和大型房地产开发企业',
    processes: ['投标与项目策划', '施工过程管控', '竣工验收与保修服务'], metric: '工程一次验收合格率', tech: '装配式建筑与 BIM 协同技术',
    digital: '智慧工地管理平台', supplier: '劳务分包、建材和机械租赁单位', risk: '施工安全与工程质量', certification: 'ISO 9001、ISO 14001 和 ISO 45001', market: '省内公共建筑施工市场',
  },
  {
    section: 'G', division: '54', stem: '现代物流', products: '城市配送、冷链运输和供应链一体化服务', customers: '制造企业、连锁零售和电商平台',
    processes: ['订单受理与调度', '仓储作业', '干线运输与末端配送'], metric: '订单准时交付率', tech: '智能调度与路径优化技术',
    digital: 'TMS 运输管理系统', supplier: '车辆、仓储设施和承运商', risk: '道路运输安全', certification: 'ISO 9001 和 ISO 39001', market: '长三角区域物流市场',
  },
  {
    section: 'D', division: '44', stem: '热电能源', products: '电力、工业蒸汽和城市集中供热', customers: '园区工业企业、居民用户和电网公司',
    processes: ['燃料采购与管理', '机组运行', '热网输配与用户服务'], metric: '供热可靠率', tech: '热电联产超低排放技术',
    digital: '智慧热网监控平台', supplier: '燃料、设备和检修服务供应商', risk: '安全稳定运行与环保达标', certification: 'ISO 9001、ISO 14001 和 ISO 50001', market: '滨海市集中供热市场',
  },
  {
    section: 'Q', division: '84', stem: '人民医院', products: '综合医疗、急危重症救治和健康管理服务', customers: '滨海市及周边地区患者和体检人群',
    processes: ['门急诊服务', '住院诊疗', '医疗质量与患者安全管理'], metric: '患者满意度', tech: '微创诊疗与智慧医院技术',
    digital: '电子病历与智慧医院平台', supplier: '药品、耗材和医疗设备供应商', risk: '医疗安全与院感防控', certification: '三级甲等医院评审标准和 JCI 标准', market: '区域医疗服务',
  },
];

export const BRANDS: readonly string[] = [
  '海鸿', '东瑞', '明远', '恒升', '华德', '瑞丰', '宏达', '聚源', '天衡', '博雅', '嘉禾', '正泰', '鼎盛', '永新', '安泰',
  '信诚', '星辰', '卓越', '远航', '启明', '润泽', '中和', '昌隆', '兴业', '汇通', '晨光', '同创', '弘毅', '德润', '蓝海',
];

export const DISTRICTS: readonly { name: string; code: string }[] = [
  { name: '滨海市海港区', code: '330203' },
  { name: '滨海市江东区', code: '330204' },
  { name: '滨海市北仑区', code: '330206' },
  { name: '滨海市高新区', code: '330212' },
  { name: '滨海市临港新区', code: '330211' },
  { name: '滨海市东湖县', code: '330225' },
];

export const SURNAMES: readonly string[] = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭', '林', '何', '高', '罗'];
export const GIVEN_NAMES: readonly string[] = ['建国', '晓梅', '志强', '丽华', '浩然', '文博', '婷婷', '海峰', '雅琴', '国平', '明辉', '秀英', '振宇', '静怡', '立新', '春燕', '伟东', '欣然'];

/** Examiners: name, organisation, title and the sections they know. */
export const EXPERTS: readonly { name: string; organisation: string; title: string; specialties: string[] }[] = [
  { name: '王建国', organisation: '滨海市质量协会', title: '高级工程师', specialties: ['C', 'D'] },
  { name: '李晓梅', organisation: '滨海大学管理学院', title: '教授', specialties: ['I', 'Q'] },
  { name: '陈志强', organisation: '滨海市标准化研究院', title: '正高级工程师', specialties: ['C', 'E'] },
  { name: '赵丽华', organisation: '省卓越绩效研究中心', title: '研究员', specialties: ['G', 'C'] },
  { name: '孙浩然', organisation: '滨海理工大学', title: '副教授', specialties: ['C', 'I'] },
  { name: '周文博', organisation: '省质量技术评审中心', title: '高级经济师', specialties: ['D', 'E'] },
  { name: '吴雅琴', organisation: '滨海市医学会', title: '主任医师', specialties: ['Q', 'C'] },
  { name: '郑国平', organisation: '滨海港集团（退休）', title: '高级工程师', specialties: ['G', 'D'] },
  { name: '何静怡', organisation: '滨海市计量测试院', title: '高级工程师', specialties: ['C', 'I'] },
];
