import { ApartmentOutlined, FileProtectOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsolePage } from '../console/menu';

/** The organiser services' console pages (offices), and 为我推荐 (people and units). */
export const ORGANISER_PAGES = {
  organiserOverview: {
    path: 'organiser/engagements',
    label: 'menu.organiserOverview',
    icon: <ApartmentOutlined />,
    group: 'work',
    component: lazy(() => import('../organiser/OverviewPage')),
  },
  organiserVerify: {
    path: 'organiser/verifications',
    label: 'menu.organiserVerify',
    icon: <FileProtectOutlined />,
    group: 'work',
    component: lazy(() => import('../organiser/VerificationsPage')),
  },
  organiserSuggestions: {
    path: 'organiser/suggestions',
    label: 'menu.organiserSuggestions',
    icon: <TeamOutlined />,
    group: 'work',
    component: lazy(() => import('../organiser/SuggestionsPage')),
  },
  myRecommendations: {
    path: 'recommendations',
    label: 'menu.myRecommendations',
    icon: <TrophyOutlined />,
    group: 'work',
    component: lazy(() => import('../organiser/ForMePage')),
  },
} satisfies Record<string, ConsolePage>;
export type OrganiserPageKey = keyof typeof ORGANISER_PAGES;
