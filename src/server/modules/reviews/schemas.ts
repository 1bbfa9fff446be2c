import { z } from 'zod';
import { DOMAINS } from '../../../shared/roles.js';
import { Username } from '../accounts/schemas.js';

const text = (max: number) => z.string().trim().max(max);
const words = z.array(text(30).min(1)).max(30);

export const ExpertProfileBody = z.object({
  name: text(60).min(1),
  primaryDomain: z.enum(DOMAINS),
  secondaryDomains: z.array(z.enum(DOMAINS)).max(8).default([]),
  keywords: words.default([]),
  institution: text(120).min(1),
  title: text(60).default(''),
  contact: text(120).default(''),
});
export type ExpertProfileInput = z.infer<typeof ExpertProfileBody>;

export const CreateExpertBody = ExpertProfileBody.extend({ username: Username });
export type CreateExpertInput = z.infer<typeof CreateExpertBody>;

export const EditExpertBody = ExpertProfileBody.extend({ revision: z.number().int().positive() });

export const ExpertListQuery = z.object({
  domain: z.enum(DOMAINS).optional(),
  q: text(60).optional(),
  active: z.enum(['1', '0']).optional(),
});

export const DeclarationBody = z.object({
  version: text(20).min(1),
  /** Institutions or unit names the expert has a conflict of interest with. */
  conflicts: z.array(text(120).min(1)).max(30).default([]),
});

export const CriterionBody = z
  .object({
    name: text(60).min(1),
    weight: z.number().positive().max(100),
    min: z.number().int().min(0).max(1000),
    max: z.number().int().min(1).max(1000),
    guidance: text(500).default(''),
  })
  .refine((c) => c.max > c.min, { path: ['max'], message: 'scale_order' });

export const CreateRoundBody = z.object({
  title: text(120).min(1),
  solutionIds: z.array(z.number().int().positive()).min(1).max(500),
  criteria: z.array(CriterionBody).min(1).max(20),
  k: z.number().int().min(1).max(10).default(3),
  loadLimit: z.number().int().min(1).max(200),
  deadline: z.iso.datetime({ offset: true }),
});
export type CreateRoundInput = z.infer<typeof CreateRoundBody>;

export const PairBody = z.object({
  solutionId: z.number().int().positive(),
  expertUserId: z.number().int().positive(),
});

export const CloseBody = z.object({ reason: text(2000).default('') });

export const ScoresBody = z.object({
  scores: z.array(z.object({ score: z.number().nullable(), comment: text(2000).default('') })).max(20),
  comment: text(4000).default(''),
  revision: z.number().int().positive(),
});
export type ScoresInput = z.infer<typeof ScoresBody>;
