import { Menu } from 'antd';
import { ApartmentOutlined, AuditOutlined, CalendarOutlined, ClusterOutlined, EditOutlined, FileTextOutlined, HistoryOutlined, HomeOutlined, SolutionOutlined, SwapOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { WorkspaceRole } from '../../../shared/api/schemas';
import type { Route } from './routes';
import { isScoringRoute, scoringNavKey } from '../features/panels/scoring-routes';
import { isResultsRoute, resultsNavKey } from '../features/results/results-routes';

export type NavKey = 'start' | 'cycles' | 'applicants' | 'frameworks' | 'myApplication' | 'backups' | 'experts' | 'panels' | 'review' | 'ranking' | 'committee' | 'exchange';

/** Which menu entry a page belongs to. */
export function navKeyOf(route: Route, role: WorkspaceRole): NavKey | undefined {
  // An applicant's results are reached from the cycle's ranking.
  if (route.page === 'results') return 'ranking';
  if (isScoringRoute(route)) return scoringNavKey(route);
  if (isResultsRoute(route)) return resultsNavKey(route);
  switch (route.page) {
    case 'start':
      return 'start';
    case 'default':
      return role === 'enterprise' ? 'myApplication' : role === 'office' ? 'cycles' : 'review';
    case 'cycles':
    case 'cycleSettings':
      return 'cycles';
    case 'applicants':
    case 'newApplicant':
    case 'applicant':
      return 'applicants';
    case 'frameworks':
    case 'framework':
      return 'frameworks';
    case 'myApplication':
      return 'myApplication';
    case 'backups':
      return 'backups';
    case 'exchange':
      return 'exchange';
    default:
      return undefined;
  }
}

/** An enterprise sees only its own application; an examiner's workspace, the review room for its one expert. */
export function navKeysFor(role: WorkspaceRole): NavKey[] {
  if (role === 'enterprise') return ['myApplication', 'exchange', 'start', 'backups'];
  if (role === 'expert') return ['review', 'exchange', 'frameworks', 'start', 'backups'];
  return ['cycles', 'applicants', 'experts', 'panels', 'review', 'ranking', 'committee', 'exchange', 'frameworks', 'start', 'backups'];
}

const icons: Record<NavKey, React.ReactNode> = {
  start: <HomeOutlined />,
  cycles: <CalendarOutlined />,
  applicants: <TeamOutlined />,
  frameworks: <ApartmentOutlined />,
  myApplication: <FileTextOutlined />,
  backups: <HistoryOutlined />,
  experts: <SolutionOutlined />,
  panels: <ClusterOutlined />,
  review: <EditOutlined />,
  ranking: <TrophyOutlined />,
  committee: <AuditOutlined />,
  exchange: <SwapOutlined />,
};

const labelKeys: Record<NavKey, string> = {
  start: 'nav.start',
  cycles: 'nav.home',
  applicants: 'nav.applicants',
  frameworks: 'nav.frameworks',
  myApplication: 'nav.myApplication',
  backups: 'nav.backups',
  experts: 'nav.experts',
  panels: 'scoringUi.nav.panels',
  review: 'scoringUi.nav.review',
  ranking: 'results.ui.nav.ranking',
  committee: 'results.ui.nav.committee',
  exchange: 'nav.exchange',
};

export function NavMenu({ role, selected, onSelect }: { role: WorkspaceRole; selected: NavKey | undefined; onSelect(key: NavKey): void }) {
  const { t } = useTranslation();
  return (
    <Menu
      mode="inline"
      data-testid="nav-menu"
      selectedKeys={selected ? [selected] : []}
      style={{ height: '100%', paddingTop: 8, borderInlineEnd: 0 }}
      onClick={({ key }) => onSelect(key as NavKey)}
      items={navKeysFor(role).map((key) => ({ key, icon: icons[key], label: <span data-testid={`nav-${key}`}>{t(labelKeys[key])}</span> }))}
    />
  );
}

export function isAllowed(route: Route, role: WorkspaceRole): boolean {
  if (route.page === 'default' || route.page === 'notFound') return true;
  const key = navKeyOf(route, role);
  return key !== undefined && navKeysFor(role).includes(key);
}
