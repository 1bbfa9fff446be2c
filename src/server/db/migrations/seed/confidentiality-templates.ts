import type { TemplateSeed } from './agreement-templates.js';

/**
 * Migration 014's templates: the 保密书 accepted on a need (by the taker before its confidential part, by the
 * poster before a solution's attachments) filed as one-party documents, like the commitment letters. The
 * accepted words are filled in from the acceptance (shared/taking/confidentiality.ts names their version).
 */
const f = (name: string, label: string) => ({ name, label, required: true });

const body = (party: string) =>
  [
    `${party}：{{party_name}}`,
    '需求名称：{{challenge_title}}（编号 {{challenge_id}}）',
    '保密书版本：{{confidentiality_version}}',
    '',
    '{{confidentiality_text}}',
    '',
    `本保密书由${party}于 {{accepted_at}} 在博后通平台在线确认，确认即视为签署。`,
  ].join('\n');

const fields = (party: string) => [
  f('party_name', party),
  f('challenge_title', '需求名称'),
  f('challenge_id', '需求编号'),
  f('confidentiality_version', '保密书版本'),
  f('confidentiality_text', '保密内容'),
  f('accepted_at', '确认时间'),
];

export const CONFIDENTIALITY_TEMPLATE_SEED: TemplateSeed[] = [
  {
    key: 'confidentiality_taker',
    title: '博士后揭榜领题保密书（揭榜方）',
    body: body('揭榜方'),
    fields: fields('揭榜方'),
    parties: [{ role: '揭榜方', order: 1 }],
    filing: 'auto',
  },
  {
    key: 'confidentiality_poster',
    title: '博士后揭榜领题保密书（张榜方）',
    body: body('张榜方'),
    fields: fields('张榜方'),
    parties: [{ role: '张榜方', order: 1 }],
    filing: 'auto',
  },
];
