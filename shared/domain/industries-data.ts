/**
 * GB/T 4754-2017 国民经济行业分类: the 20 sections (门类) and 97 divisions (大类).
 * zh-CN names are the standard's; zh-TW names are the same names in traditional characters
 * (character conversion, not Taiwan's own terminology, so they still name the mainland standard);
 * English names follow the National Bureau of Statistics' usual translations.
 */
import type { Language } from '../i18n/languages';

export type LocalisedName = Readonly<Record<Language, string>>;

export interface IndustryDivisionRecord {
  readonly code: string;
  readonly name: LocalisedName;
}

export interface IndustrySectionRecord {
  readonly code: string;
  readonly name: LocalisedName;
  readonly divisions: readonly IndustryDivisionRecord[];
}

type Row = readonly [code: string, zhCN: string, en: string, zhTW: string];

function section(head: Row, divisions: readonly Row[]): IndustrySectionRecord {
  const named = ([code, zhCN, en, zhTW]: Row) => ({ code, name: { 'zh-CN': zhCN, en, 'zh-TW': zhTW } });
  return { ...named(head), divisions: divisions.map(named) };
}

export const INDUSTRY_SECTIONS: readonly IndustrySectionRecord[] = [
  section(['A', '农、林、牧、渔业', 'Agriculture, forestry, animal husbandry and fishery', '農、林、牧、漁業'], [
    ['01', '农业', 'Agriculture', '農業'],
    ['02', '林业', 'Forestry', '林業'],
    ['03', '畜牧业', 'Animal husbandry', '畜牧業'],
    ['04', '渔业', 'Fishery', '漁業'],
    ['05', '农、林、牧、渔专业及辅助性活动', 'Professional and support activities for agriculture, forestry, animal husbandry and fishery', '農、林、牧、漁專業及輔助性活動'],
  ]),
  section(['B', '采矿业', 'Mining', '採礦業'], [
    ['06', '煤炭开采和洗选业', 'Mining and washing of coal', '煤炭開採和洗選業'],
    ['07', '石油和天然气开采业', 'Extraction of petroleum and natural gas', '石油和天然氣開採業'],
    ['08', '黑色金属矿采选业', 'Mining and processing of ferrous metal ores', '黑色金屬礦採選業'],
    ['09', '有色金属矿采选业', 'Mining and processing of non-ferrous metal ores', '有色金屬礦採選業'],
    ['10', '非金属矿采选业', 'Mining and processing of non-metallic minerals', '非金屬礦採選業'],
    ['11', '开采专业及辅助性活动', 'Professional and support activities for mining', '開採專業及輔助性活動'],
    ['12', '其他采矿业', 'Other mining', '其他採礦業'],
  ]),
  section(['C', '制造业', 'Manufacturing', '製造業'], [
    ['13', '农副食品加工业', 'Processing of food from agricultural products', '農副食品加工業'],
    ['14', '食品制造业', 'Manufacture of foods', '食品製造業'],
    ['15', '酒、饮料和精制茶制造业', 'Manufacture of liquor, beverages and refined tea', '酒、飲料和精製茶製造業'],
    ['16', '烟草制品业', 'Manufacture of tobacco products', '煙草製品業'],
    ['17', '纺织业', 'Manufacture of textiles', '紡織業'],
    ['18', '纺织服装、服饰业', 'Manufacture of textile wearing apparel and accessories', '紡織服裝、服飾業'],
    ['19', '皮革、毛皮、羽毛及其制品和制鞋业', 'Manufacture of leather, fur, feather and related products and footwear', '皮革、毛皮、羽毛及其製品和製鞋業'],
    ['20', '木材加工和木、竹、藤、棕、草制品业', 'Processing of timber and manufacture of wood, bamboo, rattan, palm and straw products', '木材加工和木、竹、藤、棕、草製品業'],
    ['21', '家具制造业', 'Manufacture of furniture', '家具製造業'],
    ['22', '造纸和纸制品业', 'Manufacture of paper and paper products', '造紙和紙製品業'],
    ['23', '印刷和记录媒介复制业', 'Printing and reproduction of recording media', '印刷和記錄媒介複製業'],
    ['24', '文教、工美、体育和娱乐用品制造业', 'Manufacture of articles for culture, education, arts and crafts, sport and entertainment', '文教、工美、體育和娛樂用品製造業'],
    ['25', '石油、煤炭及其他燃料加工业', 'Processing of petroleum, coal and other fuels', '石油、煤炭及其他燃料加工業'],
    ['26', '化学原料和化学制品制造业', 'Manufacture of raw chemical materials and chemical products', '化學原料和化學製品製造業'],
    ['27', '医药制造业', 'Manufacture of medicines', '醫藥製造業'],
    ['28', '化学纤维制造业', 'Manufacture of chemical fibres', '化學纖維製造業'],
    ['29', '橡胶和塑料制品业', 'Manufacture of rubber and plastic products', '橡膠和塑料製品業'],
    ['30', '非金属矿物制品业', 'Manufacture of non-metallic mineral products', '非金屬礦物製品業'],
    ['31', '黑色金属冶炼和压延加工业', 'Smelting and pressing of ferrous metals', '黑色金屬冶煉和壓延加工業'],
    ['32', '有色金属冶炼和压延加工业', 'Smelting and pressing of non-ferrous metals', '有色金屬冶煉和壓延加工業'],
    ['33', '金属制品业', 'Manufacture of metal products', '金屬製品業'],
    ['34', '通用设备制造业', 'Manufacture of general-purpose machinery', '通用設備製造業'],
    ['35', '专用设备制造业', 'Manufacture of special-purpose machinery', '專用設備製造業'],
    ['36', '汽车制造业', 'Manufacture of automobiles', '汽車製造業'],
    ['37', '铁路、船舶、航空航天和其他运输设备制造业', 'Manufacture of railway, ship, aerospace and other transport equipment', '鐵路、船舶、航空航天和其他運輸設備製造業'],
    ['38', '电气机械和器材制造业', 'Manufacture of electrical machinery and equipment', '電氣機械和器材製造業'],
    ['39', '计算机、通信和其他电子设备制造业', 'Manufacture of computers, communication and other electronic equipment', '計算機、通信和其他電子設備製造業'],
    ['40', '仪器仪表制造业', 'Manufacture of measuring instruments and meters', '儀器儀表製造業'],
    ['41', '其他制造业', 'Other manufacturing', '其他製造業'],
    ['42', '废弃资源综合利用业', 'Comprehensive use of waste resources', '廢棄資源綜合利用業'],
    ['43', '金属制品、机械和设备修理业', 'Repair of metal products, machinery and equipment', '金屬製品、機械和設備修理業'],
  ]),
  section(['D', '电力、热力、燃气及水生产和供应业', 'Production and supply of electricity, heat, gas and water', '電力、熱力、燃氣及水生產和供應業'], [
    ['44', '电力、热力生产和供应业', 'Production and supply of electric power and heat', '電力、熱力生產和供應業'],
    ['45', '燃气生产和供应业', 'Production and supply of gas', '燃氣生產和供應業'],
    ['46', '水的生产和供应业', 'Production and supply of water', '水的生產和供應業'],
  ]),
  section(['E', '建筑业', 'Construction', '建築業'], [
    ['47', '房屋建筑业', 'Construction of buildings', '房屋建築業'],
    ['48', '土木工程建筑业', 'Civil engineering', '土木工程建築業'],
    ['49', '建筑安装业', 'Construction installation', '建築安裝業'],
    ['50', '建筑装饰、装修和其他建筑业', 'Building decoration, renovation and other construction', '建築裝飾、裝修和其他建築業'],
  ]),
  section(['F', '批发和零售业', 'Wholesale and retail trade', '批發和零售業'], [
    ['51', '批发业', 'Wholesale trade', '批發業'],
    ['52', '零售业', 'Retail trade', '零售業'],
  ]),
  section(['G', '交通运输、仓储和邮政业', 'Transport, storage and postal services', '交通運輸、倉儲和郵政業'], [
    ['53', '铁路运输业', 'Rail transport', '鐵路運輸業'],
    ['54', '道路运输业', 'Road transport', '道路運輸業'],
    ['55', '水上运输业', 'Water transport', '水上運輸業'],
    ['56', '航空运输业', 'Air transport', '航空運輸業'],
    ['57', '管道运输业', 'Pipeline transport', '管道運輸業'],
    ['58', '多式联运和运输代理业', 'Multimodal transport and transport agency', '多式聯運和運輸代理業'],
    ['59', '装卸搬运和仓储业', 'Loading, unloading, handling and warehousing', '裝卸搬運和倉儲業'],
    ['60', '邮政业', 'Postal services', '郵政業'],
  ]),
  section(['H', '住宿和餐饮业', 'Accommodation and catering', '住宿和餐飲業'], [
    ['61', '住宿业', 'Accommodation', '住宿業'],
    ['62', '餐饮业', 'Catering', '餐飲業'],
  ]),
  section(['I', '信息传输、软件和信息技术服务业', 'Information transmission, software and information technology services', '信息傳輸、軟件和信息技術服務業'], [
    ['63', '电信、广播电视和卫星传输服务', 'Telecommunications, broadcasting and satellite transmission services', '電信、廣播電視和衛星傳輸服務'],
    ['64', '互联网和相关服务', 'Internet and related services', '互聯網和相關服務'],
    ['65', '软件和信息技术服务业', 'Software and information technology services', '軟件和信息技術服務業'],
  ]),
  section(['J', '金融业', 'Finance', '金融業'], [
    ['66', '货币金融服务', 'Monetary and financial services', '貨幣金融服務'],
    ['67', '资本市场服务', 'Capital market services', '資本市場服務'],
    ['68', '保险业', 'Insurance', '保險業'],
    ['69', '其他金融业', 'Other financial services', '其他金融業'],
  ]),
  section(['K', '房地产业', 'Real estate', '房地產業'], [
    ['70', '房地产业', 'Real estate', '房地產業'],
  ]),
  section(['L', '租赁和商务服务业', 'Leasing and business services', '租賃和商務服務業'], [
    ['71', '租赁业', 'Leasing', '租賃業'],
    ['72', '商务服务业', 'Business services', '商務服務業'],
  ]),
  section(['M', '科学研究和技术服务业', 'Scientific research and technical services', '科學研究和技術服務業'], [
    ['73', '研究和试验发展', 'Research and experimental development', '研究和試驗發展'],
    ['74', '专业技术服务业', 'Professional technical services', '專業技術服務業'],
    ['75', '科技推广和应用服务业', 'Technology promotion and application services', '科技推廣和應用服務業'],
  ]),
  section(['N', '水利、环境和公共设施管理业', 'Water conservancy, environment and public facilities management', '水利、環境和公共設施管理業'], [
    ['76', '水利管理业', 'Water conservancy management', '水利管理業'],
    ['77', '生态保护和环境治理业', 'Ecological protection and environmental management', '生態保護和環境治理業'],
    ['78', '公共设施管理业', 'Public facilities management', '公共設施管理業'],
    ['79', '土地管理业', 'Land management', '土地管理業'],
  ]),
  section(['O', '居民服务、修理和其他服务业', 'Resident services, repair and other services', '居民服務、修理和其他服務業'], [
    ['80', '居民服务业', 'Resident services', '居民服務業'],
    ['81', '机动车、电子产品和日用产品修理业', 'Repair of motor vehicles, electronic products and household goods', '機動車、電子產品和日用產品修理業'],
    ['82', '其他服务业', 'Other services', '其他服務業'],
  ]),
  section(['P', '教育', 'Education', '教育'], [
    ['83', '教育', 'Education', '教育'],
  ]),
  section(['Q', '卫生和社会工作', 'Health and social work', '衛生和社會工作'], [
    ['84', '卫生', 'Health', '衛生'],
    ['85', '社会工作', 'Social work', '社會工作'],
  ]),
  section(['R', '文化、体育和娱乐业', 'Culture, sports and entertainment', '文化、體育和娛樂業'], [
    ['86', '新闻和出版业', 'News and publishing', '新聞和出版業'],
    ['87', '广播、电视、电影和录音制作业', 'Radio, television, film and sound recording production', '廣播、電視、電影和錄音製作業'],
    ['88', '文化艺术业', 'Culture and arts', '文化藝術業'],
    ['89', '体育', 'Sports', '體育'],
    ['90', '娱乐业', 'Entertainment', '娛樂業'],
  ]),
  section(['S', '公共管理、社会保障和社会组织', 'Public administration, social security and social organisations', '公共管理、社會保障和社會組織'], [
    ['91', '中国共产党机关', 'Organs of the Communist Party of China', '中國共產黨機關'],
    ['92', '国家机构', 'State organs', '國家機構'],
    ['93', '人民政协、民主党派', 'CPPCC and democratic parties', '人民政協、民主黨派'],
    ['94', '社会保障', 'Social security', '社會保障'],
    ['95', '群众团体、社会团体和其他成员组织', 'Mass organisations, social organisations and other membership organisations', '群眾團體、社會團體和其他成員組織'],
    ['96', '基层群众自治组织及其他组织', 'Grassroots self-governing organisations and other organisations', '基層群眾自治組織及其他組織'],
  ]),
  section(['T', '国际组织', 'International organisations', '國際組織'], [
    ['97', '国际组织', 'International organisations', '國際組織'],
  ]),
];
