import type { ChallengeKind } from '../../shared/challenges/form';
import type { HallStatus } from './types';

/** Tag colours of the hall's statuses and kinds. */
export const STATUS_COLOR: Record<HallStatus, string> = { open: 'green', closed: 'default', matched: 'blue' };
export const KIND_COLOR: Record<ChallengeKind, string> = { tech: 'geekblue', transfer: 'purple' };
