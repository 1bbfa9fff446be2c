import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  ClusterOutlined,
  HomeOutlined,
  CarryOutOutlined,
  ContainerOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FileProtectOutlined,
  DashboardOutlined,
  FlagOutlined,
  IdcardOutlined,
  KeyOutlined,
  NotificationOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Role } from '../../shared/roles';
import type { MessageKey } from '../i18n';
import { ORGANISER_PAGES, type OrganiserPageKey } from '../organiser/pages';

export type PageKey =
  | 'dashboard'
  | 'units'
  | 'stationApply'
  | 'stationReview'
  | 'stationCertify'
  | 'certBatches'
  | 'registry'
  | 'myStation'
  | 'guide'
  | 'stats'
  | 'myChallenges'
  | 'myTaking'
  | 'followup'
  | 'followupOutcomes'
  | 'resultsAnnouncements'
  | 'resultsEvents'
  | 'myCertificates'
  | OrganiserPageKey
  | 'challengeReview'
  | 'challengeTerms'
  | 'myAgreements'
  | 'agreementRegister'
  | 'agreementTemplates'
  | 'accounts'
  | 'roles'
  | 'security'
  | 'policy'
  | 'audit'
  | 'notifications'
  | 'profile'
  | 'password';

export interface ConsolePage {
  /** Path under /console ('' is the dashboard). */
  path: string;
  label: MessageKey;
  icon: ReactNode;
  group: 'work' | 'admin' | 'mine';
  component: LazyExoticComponent<ComponentType>;
}

/** Every console page; each is its own chunk. */
export const PAGES: Record<PageKey, ConsolePage> = {
  dashboard: {
    path: '',
    label: 'menu.dashboard',
    icon: <DashboardOutlined />,
    group: 'work',
    component: lazy(() => import('./pages/DashboardPage')),
  },
  units: {
    path: 'units',
    label: 'menu.units',
    icon: <ApartmentOutlined />,
    group: 'work',
    component: lazy(() => import('./pages/UnitsPage')),
  },
  stationApply: {
    path: 'station-applications',
    label: 'menu.stationApply',
    icon: <BankOutlined />,
    group: 'work',
    component: lazy(() => import('../stations/pages/MyApplicationsPage')),
  },
  stationReview: {
    path: 'station-review',
    label: 'menu.stationReview',
    icon: <FileProtectOutlined />,
    group: 'work',
    component: lazy(() => import('../stations/pages/ReviewQueuePage')),
  },
  stationCertify: {
    path: 'station-certify',
    label: 'menu.stationCertify',
    icon: <CarryOutOutlined />,
    group: 'work',
    component: lazy(() => import('../stations/pages/CertifyQueuePage')),
  },
  certBatches: {
    path: 'cert-batches',
    label: 'menu.certBatches',
    icon: <ContainerOutlined />,
    group: 'work',
    component: lazy(() => import('../stations/pages/BatchesPage')),
  },
  registry: {
    path: 'stations',
    label: 'menu.registry',
    icon: <ClusterOutlined />,
    group: 'work',
    component: lazy(() => import('../registry/pages/RegistryPage')),
  },
  myStation: {
    path: 'my-station',
    label: 'menu.myStation',
    icon: <HomeOutlined />,
    group: 'work',
    component: lazy(() => import('../registry/pages/MyStationPage')),
  },
  guide: {
    path: 'service-guide',
    label: 'menu.guide',
    icon: <BookOutlined />,
    group: 'work',
    component: lazy(() => import('../registry/pages/GuideEditorPage')),
  },
  stats: {
    path: 'stats',
    label: 'menu.stats',
    icon: <BarChartOutlined />,
    group: 'work',
    component: lazy(() => import('../registry/pages/StatsPage')),
  },
  myChallenges: {
    path: 'challenges',
    label: 'menu.myChallenges',
    icon: <FlagOutlined />,
    group: 'work',
    component: lazy(() => import('../challenges/poster/MyChallengesPage')),
  },
  myTaking: {
    path: 'taking',
    label: 'menu.myTaking',
    icon: <TrophyOutlined />,
    group: 'work',
    component: lazy(() => import('../taking/pages/MyTakingPage')),
  },
  followup: {
    path: 'followup',
    label: 'menu.followup',
    icon: <CarryOutOutlined />,
    group: 'work',
    component: lazy(() => import('../followup/ProjectsPage')),
  },
  followupOutcomes: {
    path: 'followup-outcomes',
    label: 'menu.followupOutcomes',
    icon: <FileDoneOutlined />,
    group: 'work',
    component: lazy(() => import('../followup/OutcomesPage')),
  },
  resultsAnnouncements: {
    path: 'results',
    label: 'menu.resultsAnnouncements',
    icon: <NotificationOutlined />,
    group: 'work',
    component: lazy(() => import('../results/AnnouncementsPage')),
  },
  resultsEvents: {
    path: 'results-events',
    label: 'menu.resultsEvents',
    icon: <CalendarOutlined />,
    group: 'work',
    component: lazy(() => import('../results/EventsPage')),
  },
  myCertificates: {
    path: 'certificates',
    label: 'menu.myCertificates',
    icon: <SafetyCertificateOutlined />,
    group: 'work',
    component: lazy(() => import('../results/MyCertificatesPage')),
  },
  ...ORGANISER_PAGES,
  challengeReview: {
    path: 'challenge-review',
    label: 'menu.challengeReview',
    icon: <SolutionOutlined />,
    group: 'work',
    component: lazy(() => import('../challenges/review/ChallengeQueuePage')),
  },
  challengeTerms: {
    path: 'challenge-terms',
    label: 'menu.challengeTerms',
    icon: <ReadOutlined />,
    group: 'work',
    component: lazy(() => import('../challenges/review/TermsPage')),
  },
  myAgreements: {
    path: 'agreements',
    label: 'menu.myAgreements',
    icon: <FileDoneOutlined />,
    group: 'work',
    component: lazy(() => import('../agreements/MyAgreementsPage')),
  },
  agreementRegister: {
    path: 'agreement-register',
    label: 'menu.agreementRegister',
    icon: <FileDoneOutlined />,
    group: 'work',
    component: lazy(() => import('../agreements/RegisterPage')),
  },
  agreementTemplates: {
    path: 'agreement-templates',
    label: 'menu.agreementTemplates',
    icon: <FileTextOutlined />,
    group: 'work',
    component: lazy(() => import('../agreements/TemplatesPage')),
  },
  accounts: {
    path: 'accounts',
    label: 'menu.accounts',
    icon: <TeamOutlined />,
    group: 'admin',
    component: lazy(() => import('./admin/AccountsPage')),
  },
  roles: {
    path: 'roles',
    label: 'menu.roles',
    icon: <UserSwitchOutlined />,
    group: 'admin',
    component: lazy(() => import('./admin/AccountRolesPage')),
  },
  security: {
    path: 'security',
    label: 'menu.security',
    icon: <SafetyCertificateOutlined />,
    group: 'admin',
    component: lazy(() => import('./admin/SecuritySettingsPage')),
  },
  policy: {
    path: 'policy',
    label: 'menu.policy',
    icon: <TableOutlined />,
    group: 'admin',
    component: lazy(() => import('./admin/PolicyMatrixPage')),
  },
  audit: {
    path: 'audit',
    label: 'menu.audit',
    icon: <AuditOutlined />,
    group: 'admin',
    component: lazy(() => import('./admin/AuditLogPage')),
  },
  notifications: {
    path: 'notifications',
    label: 'menu.notifications',
    icon: <BellOutlined />,
    group: 'mine',
    component: lazy(() => import('./pages/NotificationsPage')),
  },
  profile: {
    path: 'profile',
    label: 'menu.profile',
    icon: <IdcardOutlined />,
    group: 'mine',
    component: lazy(() => import('./pages/ProfilePage')),
  },
  password: {
    path: 'password',
    label: 'menu.password',
    icon: <KeyOutlined />,
    group: 'mine',
    component: lazy(() => import('./pages/ChangePasswordPage')),
  },
};

const MINE: PageKey[] = ['notifications', 'profile', 'password'];

/**
 * The menu of each role, in order. Later features add their page keys here. The server still checks
 * every call; this table only decides what is shown.
 */
export const MENU_BY_ROLE: Record<Role, PageKey[]> = {
  unit: [
    'dashboard',
    'stationApply',
    'myStation',
    'myChallenges',
    'myTaking',
    'myRecommendations',
    'followup',
    'myAgreements',
    'myCertificates',
    ...MINE,
  ],
  individual: [
    'dashboard',
    'myChallenges',
    'myTaking',
    'myRecommendations',
    'followup',
    'myAgreements',
    'myCertificates',
    ...MINE,
  ],
  district_officer: [
    'dashboard',
    'stationReview',
    'registry',
    'stats',
    'guide',
    'units',
    'agreementRegister',
    'organiserOverview',
    'organiserVerify',
    'organiserSuggestions',
    'followup',
    'followupOutcomes',
    'resultsAnnouncements',
    'resultsEvents',
    ...MINE,
  ],
  municipal_officer: [
    'dashboard',
    'stationCertify',
    'certBatches',
    'registry',
    'stats',
    'units',
    'challengeReview',
    'challengeTerms',
    'agreementRegister',
    'agreementTemplates',
    'organiserOverview',
    'organiserVerify',
    'organiserSuggestions',
    'followup',
    'followupOutcomes',
    'resultsAnnouncements',
    'resultsEvents',
    ...MINE,
  ],
  national_reviewer: ['dashboard', 'challengeReview', ...MINE],
  expert: ['dashboard', ...MINE],
  sys_admin: ['dashboard', 'accounts', ...MINE],
  sec_admin: ['dashboard', 'roles', 'security', 'policy', ...MINE],
  audit_admin: ['dashboard', 'audit', 'policy', ...MINE],
};

export function pagesFor(role: Role): PageKey[] {
  return MENU_BY_ROLE[role];
}

export function consolePath(key: PageKey): string {
  const p = PAGES[key].path;
  return p ? `/console/${p}` : '/console';
}
