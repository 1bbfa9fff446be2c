import { APPLICATION_STATE_LABELS } from '../../shared/labels.js';
import { CHALLENGE_STATE_LABELS } from '../../shared/challenges/labels.js';
import { ELIGIBILITY_MESSAGES, type EligibilityKey } from '../../shared/stations/eligibility.js';
import { isTakingReason, TAKING_REASONS } from '../../shared/taking/eligibility.js';
import { DECISION_LABELS } from '../../shared/taking/solution.js';
import type { ErrorCode } from './errors.js';

export type Lang = 'zh-CN' | 'en';

/** Picks zh-CN unless the client prefers English. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

type Catalog<K extends string> = Record<K, { 'zh-CN': string; en: string }>;

export const errorMessages: Catalog<ErrorCode> = {
  VALIDATION_FAILED: { 'zh-CN': '提交的内容有误，请检查标注的字段', en: 'Some fields are invalid' },
  BAD_JSON: { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please log in' },
  BAD_CREDENTIALS: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  SESSION_EXPIRED: { 'zh-CN': '登录已超时，请重新登录', en: 'Your session has expired; please log in again' },
  PASSWORD_CHANGE_REQUIRED: {
    'zh-CN': '首次登录须先修改密码',
    en: 'You must change your password before continuing',
  },
  CSRF_FAILED: {
    'zh-CN': '请求校验失败，请刷新页面后重试',
    en: 'Request check failed; reload the page and retry',
  },
  FORBIDDEN: { 'zh-CN': '无权执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { 'zh-CN': '未找到该内容', en: 'Not found' },
  CONFLICT: { 'zh-CN': '操作冲突，请刷新后重试', en: 'Conflict; reload and retry' },
  DUPLICATE: { 'zh-CN': '该记录已存在，请检查标注的字段', en: 'This already exists; see the marked fields' },
  STATE_CONFLICT: {
    'zh-CN': '该事项状态已变化（当前：{state}），请刷新后重试',
    en: 'This item has changed state (now: {state}); reload and retry',
  },
  ACCOUNT_LOCKED: {
    'zh-CN': '连续登录失败次数过多，账号已锁定，请于 {minutes} 分钟后重试',
    en: 'Too many failed logins; the account is locked for {minutes} minutes',
  },
  ACCOUNT_DISABLED: { 'zh-CN': '账号已停用', en: 'This account is disabled' },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '提交的内容过大', en: 'The request is too large' },
  FILE_TOO_LARGE: {
    'zh-CN': '文件过大，单个文件不超过 {maxMb} MB',
    en: 'File too large: at most {maxMb} MB',
  },
  INVALID_CHARACTERS: {
    'zh-CN': '提交的内容包含无法保存的控制字符（如空字符），请删除后重试',
    en: 'The input contains a control character that cannot be stored (such as NUL); remove it and try again',
  },
  DB_UNAVAILABLE: {
    'zh-CN': '数据库暂时无法连接，本次操作未生效；请稍后重试',
    en: 'The database cannot be reached right now; nothing was changed. Try again shortly',
  },
  STORAGE_FULL: {
    'zh-CN': '服务器存储空间已满，文件未保存，您填写的内容未丢失；请稍后重试或联系管理员',
    en: 'The server’s storage is full: the file was not saved (nothing you entered is lost); try again later or contact the administrator',
  },
  UNSUPPORTED_FILE_TYPE: {
    'zh-CN': '文件类型不支持，仅可上传 PDF、PNG 或 JPEG 文件',
    en: 'Unsupported file type: upload a PDF, PNG or JPEG file',
  },
  NOT_ELIGIBLE: {
    'zh-CN': '不符合申报条件，尚缺：{missing}',
    en: 'Not eligible yet; missing: {missing}',
  },
  SCAN_REQUIRED: {
    'zh-CN': '请先上传盖章后的申报表扫描件',
    en: 'Upload the signed and sealed application form scan first',
  },
  OPINION_REQUIRED: { 'zh-CN': '请填写意见', en: 'An opinion is required' },
  APPLICATION_OPEN: {
    'zh-CN': '本单位已有一份未办结的设站申请（编号 {id}），不能再提交新的申请',
    en: 'Your unit already has an open application (no. {id})',
  },
  STATION_EXISTS: {
    'zh-CN': '本单位已设有博士后科研工作站（{number}），不能重复申报',
    en: 'Your unit already has a workstation ({number})',
  },
  BATCH_CLOSED: { 'zh-CN': '该认定批次已关闭', en: 'This certification batch is closed' },
  BATCH_NOT_EMPTY_PENDING: {
    'zh-CN': '批次中还有 {count} 份申请未作认定，不能关闭',
    en: '{count} applications in this batch are still undecided',
  },
  NOT_IN_BATCH: {
    'zh-CN': '请先将申请纳入一个开放的认定批次',
    en: 'Add the application to an open certification batch first',
  },
  IN_BATCH: { 'zh-CN': '申请已纳入认定批次，不能撤回', en: 'The application is in a certification batch' },
  REVISION_CONFLICT: {
    'zh-CN': '申请已在其他窗口或设备上修改，请刷新后再编辑',
    en: 'The application was changed elsewhere; reload before editing',
  },
  POSTER_NOT_ELIGIBLE: {
    'zh-CN': '不能发布该类需求：{reason}',
    en: 'You may not post this kind of need: {reason}',
  },
  COMMITMENT_REQUIRED: {
    'zh-CN': '提交前须阅读并接受本类需求的承诺书',
    en: 'Read and accept the commitment letter for this kind of need before submitting',
  },
  AGREEMENT_ALREADY_SIGNED: {
    'zh-CN': '您已签署该文书，签署后不能撤回或重复签署',
    en: 'You have already signed this document; a signature cannot be repeated or withdrawn',
  },
  AGREEMENT_NOT_YOUR_TURN: {
    'zh-CN': '尚未轮到您签署，请等待{waiting}先签署',
    en: 'It is not your turn to sign yet; waiting for: {waiting}',
  },
  AGREEMENT_PASSWORD_WRONG: {
    'zh-CN': '密码不正确，未签署。连续输错将按登录规则锁定账号',
    en: 'Wrong password; nothing was signed. Repeated failures lock the account as for logins',
  },
  VERIFY_NOT_PDF: {
    'zh-CN': '请上传 PDF 文件（平台备案的文书均为 PDF）',
    en: 'Upload a PDF file (filed documents are PDFs)',
  },
  REVIEW_DECLARATION_REQUIRED: {
    'zh-CN': '请先阅读并接受 {year} 年度保密及利益冲突声明，才能查看评审内容',
    en: 'Accept the confidentiality and conflict-of-interest declaration for {year} before viewing reviews',
  },
  REVIEW_CONFLICT: {
    'zh-CN': '该专家与此项目存在利益冲突（{reason}），不能评审',
    en: 'This expert has a conflict of interest with the item ({reason}) and may not review it',
  },
  REVIEW_LOAD_EXCEEDED: {
    'zh-CN': '该专家的评审数量已达上限（{load} 项）',
    en: 'This expert already has the maximum of {load} items',
  },
  REVIEW_INFEASIBLE: {
    'zh-CN': '可用专家不足，以下项目无法配齐 {k} 名专家：{items}',
    en: 'Not enough eligible experts: these items cannot get {k} experts: {items}',
  },
  REVIEW_DEADLINE_PASSED: {
    'zh-CN': '评审截止时间（{deadline}）已过，不能再修改或提交评分',
    en: 'The review deadline ({deadline}) has passed: scores can no longer be changed',
  },
  REVIEW_INCOMPLETE: {
    'zh-CN': '还有 {count} 项评分指标未打分，请补全后再提交',
    en: '{count} criteria have no score yet: complete them before submitting',
  },
  REVIEW_MISSING: {
    'zh-CN': '尚有 {count} 份评审未提交；如需提前结束本轮评审，请填写原因',
    en: '{count} reviews are still missing: give a reason to close the round now',
  },
  TAKER_NOT_ELIGIBLE: {
    'zh-CN': '不符合揭榜条件，详见标注的规则',
    en: 'You may not take this need; see the rule named',
  },
  DEADLINE_PASSED: {
    'zh-CN': '已过揭榜截止日期（{deadline}），不能再报名或提交、替换方案',
    en: 'The deadline ({deadline}) has passed: no more sign-ups or solutions',
  },
  NOT_OPEN_FOR_TAKING: {
    'zh-CN': '该需求当前不接受揭榜（未发布、已关闭或已对接成功）',
    en: 'This need is not open for taking (not published, closed, or matched)',
  },
  SUGGESTION_DUPLICATE: {
    'zh-CN': '已向张榜方推荐过该揭榜方，推荐仍有效',
    en: 'This party has already been suggested for this need, and the suggestion stands',
  },
  ALREADY_SIGNED_UP: {
    'zh-CN': '您（或本单位）已报名该需求，或已是其他报名团队的成员（报名编号 {id}）',
    en: 'You (or your unit) already signed up for this need, or belong to a team that did (no. {id})',
  },
  SOLUTION_EXISTS: {
    'zh-CN': '每个报名只能提交一份揭榜方案（已有方案编号 {id}）；如需更换，请修改或撤回原方案',
    en: 'One solution per sign-up (no. {id} exists); edit or withdraw it instead',
  },
  INVITATIONS_PENDING: {
    'zh-CN': '团队还有 {count} 名成员未回复邀请，全部回复后才能提交方案',
    en: '{count} invited members have not answered yet; submit once all have',
  },
  CONFIDENTIALITY_REQUIRED: {
    'zh-CN': '查看保密内容前须阅读并接受本需求的保密书',
    en: 'Read and accept the confidentiality agreement of this need before viewing confidential material',
  },
  IMPORT_NOT_XLSX: {
    'zh-CN': '请上传 Excel 文件（.xlsx），可先下载导入模板填写',
    en: 'Upload an Excel file (.xlsx); you can download the import template first',
  },
  IMPORT_COLUMNS: {
    'zh-CN':
      '表头与导入模板不一致：缺少列 {missing}；无法识别的列 {unknown}。请下载导入模板，按模板的列名填写',
    en: 'The columns differ from the import template: missing {missing}; unknown {unknown}. Use the template’s columns',
  },
  IMPORT_EMPTY: { 'zh-CN': '文件中没有可导入的数据行', en: 'The file has no data rows to import' },
  IMPORT_TOO_MANY_ROWS: {
    'zh-CN': '一次最多导入 {max} 行，本文件有 {count} 行，请分批导入',
    en: 'At most {max} rows per import; this file has {count}. Split it',
  },
  INTERNAL: { 'zh-CN': '系统内部错误，请稍后再试', en: 'Internal error; please try again later' },
};

/** Field-level messages, keyed by the `key` of a FieldError. */
export const fieldMessages: Catalog<string> = {
  required: { 'zh-CN': '必填', en: 'Required' },
  invalid_type: { 'zh-CN': '格式不正确', en: 'Wrong type' },
  too_long: { 'zh-CN': '不能超过 {max} 个字符', en: 'At most {max} characters' },
  too_short: { 'zh-CN': '至少 {min} 个字符', en: 'At least {min} characters' },
  too_small: { 'zh-CN': '不能小于 {min}', en: 'Must be at least {min}' },
  too_big: { 'zh-CN': '不能大于 {max}', en: 'Must be at most {max}' },
  invalid_value: { 'zh-CN': '取值不在允许范围内', en: 'Not an allowed value' },
  invalid_format: { 'zh-CN': '格式不正确', en: 'Invalid format' },
  unrecognized_keys: { 'zh-CN': '包含不允许的字段', en: 'Contains unknown fields' },
  credit_code: {
    'zh-CN': '统一社会信用代码无效（应为 18 位，且校验位正确）',
    en: 'Invalid unified social credit code (18 characters with a correct check character)',
  },
  weak_password: {
    'zh-CN': '密码至少 8 位，且须包含大写字母、小写字母、数字、符号中的至少 3 类',
    en: 'At least 8 characters from at least 3 of: upper case, lower case, digits, symbols',
  },
  username_format: {
    'zh-CN': '用户名为 3–32 位字母、数字、下划线、点或横线',
    en: '3–32 letters, digits, underscores, dots or dashes',
  },
  username_taken: { 'zh-CN': '用户名已被使用', en: 'This username is taken' },
  credit_code_taken: {
    'zh-CN': '该统一社会信用代码已注册',
    en: 'This credit code is already registered',
  },
  date_format: { 'zh-CN': '日期格式应为 YYYY-MM-DD', en: 'Date must be YYYY-MM-DD' },
  date_future: { 'zh-CN': '日期不能晚于今天', en: 'Date cannot be in the future' },
  unknown_region: { 'zh-CN': '所选区县不存在', en: 'Unknown district' },
  unknown_unit: { 'zh-CN': '所选单位不存在', en: 'No such unit' },
  own_need: {
    'zh-CN': '不能把张榜方推荐为自己榜单的揭榜方',
    en: 'The poster cannot be suggested for its own need',
  },
  region_required: { 'zh-CN': '区县博管办人员必须指定区县', en: 'A district officer needs a district' },
  wrong_password: { 'zh-CN': '当前密码不正确', en: 'Current password is wrong' },
  same_password: {
    'zh-CN': '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  email: { 'zh-CN': '邮箱格式不正确', en: 'Invalid e-mail address' },
  operator_role: {
    'zh-CN': '系统、安全、审计管理员账号只能由系统管理员创建',
    en: 'Operator accounts are created by the system administrator only',
  },
  id_number: {
    'zh-CN': '身份证号码无效（应为 18 位，出生日期与校验位正确）',
    en: 'Invalid ID number (18 characters, valid birth date and check character)',
  },
  exit_before_entry: { 'zh-CN': '出站日期不能早于进站日期', en: 'Exit date cannot be before the entry date' },
  not_in_roster: {
    'zh-CN': '合作导师须来自本站导师名单',
    en: 'The co-supervisor must be on the station’s roster',
  },
  recruit_in_station: { 'zh-CN': '该人员已在本站在站', en: 'This person is already in the station' },
  unknown_file: { 'zh-CN': '文件不存在或不属于本单位', en: 'Unknown file, or not your unit’s' },
  phone: { 'zh-CN': '电话号码格式不正确', en: 'Invalid phone number' },
  // Station import (one message per cell of the report).
  column_missing: { 'zh-CN': '缺少此列', en: 'This column is missing' },
  column_unknown: { 'zh-CN': '模板中没有此列', en: 'Not a column of the template' },
  column_duplicate: { 'zh-CN': '此列重复出现', en: 'This column appears twice' },
  import_duplicate_in_file: { 'zh-CN': '与第 {row} 行重复', en: 'Same as in row {row}' },
  station_number_taken: { 'zh-CN': '该工作站编号已存在', en: 'This station number already exists' },
  unit_has_station: {
    'zh-CN': '该单位已设有工作站（{number}）',
    en: 'This unit already has a station ({number})',
  },
  unit_other_region: {
    'zh-CN': '该单位已登记在{region}，与所填区县不一致',
    en: 'This unit is registered in {region}, not in the district given',
  },
  unit_type: {
    'zh-CN': '应为企业、科研院所、新型研发机构、事业单位、高等院校之一',
    en: 'Must be one of 企业, 科研院所, 新型研发机构, 事业单位, 高等院校',
  },
  import_region: {
    'zh-CN': '“{value}”不是区县博管办名录中的区县',
    en: '“{value}” is not a district of the office directory',
  },
  yes_no: { 'zh-CN': '应填“是”或“否”', en: 'Enter 是 (yes) or 否 (no)' },
  entry_before_certified: {
    'zh-CN': '最近进站日期不能早于认定日期',
    en: 'The latest entry date cannot be before the certification date',
  },
  deadline_past: { 'zh-CN': '截止日期不能早于今天', en: 'The deadline cannot be in the past' },
  kind_changed: { 'zh-CN': '需求类别不能修改', en: 'The kind of need cannot be changed' },
  commitment_version: {
    'zh-CN': '承诺书已更新，请重新阅读后接受',
    en: 'The commitment letter has changed; read it again',
  },
  bad_cursor: {
    'zh-CN': '分页参数无效，请从第一页重新加载',
    en: 'Invalid page cursor; reload from the first page',
  },
  term_duplicate: { 'zh-CN': '该词条已存在', en: 'This term already exists' },
  taker_kind: { 'zh-CN': '该类需求不能以此身份揭榜', en: 'This kind of need cannot be taken this way' },
  unknown_account: { 'zh-CN': '该账号不存在或已停用', en: 'No such active account' },
  member_not_individual: {
    'zh-CN': '团队成员须为个人用户（博士、博士后等）',
    en: 'Team members are individual accounts',
  },
  member_already_taking: {
    'zh-CN': '该成员已在本团队或已报名本需求',
    en: 'This person is already in this team or takes this need otherwise',
  },
  confidentiality_version: {
    'zh-CN': '保密书已更新，请重新阅读后接受',
    en: 'The confidentiality agreement has changed; read it again',
  },
  // Agreements (签署及备案).
  template_field_undeclared: {
    'zh-CN': '正文中的占位符 {{{name}}} 未在字段列表中定义',
    en: 'The placeholder {{{name}}} is not declared in the fields',
  },
  template_field_duplicate: { 'zh-CN': '字段名重复', en: 'Duplicate field name' },
  template_role_duplicate: { 'zh-CN': '签署方身份重复', en: 'Duplicate party role' },
  template_field_unknown: { 'zh-CN': '模板中没有此字段', en: 'Not a field of the template' },
  template_unknown: { 'zh-CN': '没有可用的该文书模板', en: 'No active template with this key' },
  template_not_for_challenge: {
    'zh-CN': '该模板不适用于张榜需求的双方签署（须由博管办备案，签署方为揭榜方和/或张榜方）',
    en: 'This template is not for a posting’s parties (office filing, taker and/or poster)',
  },
  party_missing: { 'zh-CN': '缺少签署方：{role}', en: 'Missing party: {role}' },
  party_account: {
    'zh-CN': '签署方须为有效的单位或个人账号',
    en: 'A party must be an active unit or individual account',
  },
  party_twice: { 'zh-CN': '同一账号不能作为两个签署方', en: 'One account cannot be two parties' },
  party_role: { 'zh-CN': '模板中没有此签署方身份', en: 'Not a party role of the template' },
  taker_is_poster: { 'zh-CN': '揭榜方不能是张榜方本人', en: 'The taker cannot be the poster' },
  challenge_not_published: {
    'zh-CN': '只能为已发布的张榜需求生成文书',
    en: 'Only a published posting can have agreements',
  },
  document_hash: {
    'zh-CN': '文书内容与您查看的版本不一致，请刷新后重新阅读',
    en: 'The document differs from the one you read; reload it',
  },
  // 揭榜成果公布, events, certificates.
  period_order: { 'zh-CN': '结束日期不能早于开始日期', en: 'The end cannot be before the start' },
  item_duplicate: { 'zh-CN': '同一项目不能重复列入', en: 'This project is listed twice' },
  not_matched: { 'zh-CN': '该项目不是对接成功的揭榜项目', en: 'Not a successful match' },
  item_published: {
    'zh-CN': '该项目已列入另一份已发布的公告',
    en: 'This project is already in another published announcement',
  },
  unknown_participant: {
    'zh-CN': '该账号不存在、已停用，或不是单位/个人用户',
    en: 'No such active unit or individual account',
  },
};

/** A field message: the general catalogue, or an eligibility item (`eligibility.<key>`). */
export function fieldMessage(key: string, lang: Lang): string {
  if (key.startsWith('taking.')) {
    const k = key.slice('taking.'.length);
    if (isTakingReason(k)) return TAKING_REASONS[k][lang];
  }
  if (key.startsWith('eligibility.')) {
    const k = key.slice('eligibility.'.length);
    if (k in ELIGIBILITY_MESSAGES) return ELIGIBILITY_MESSAGES[k as EligibilityKey][lang];
  }
  return (fieldMessages[key] ?? fieldMessages.invalid_format!)[lang];
}

type Labels = Record<string, { 'zh-CN': string; en: string }>;
const STATE_LABELS: Labels = {
  // 对接 decisions first, so that the postings' and applications' own labels win on shared keys.
  ...DECISION_LABELS,
  ...CHALLENGE_STATE_LABELS,
  ...APPLICATION_STATE_LABELS,
  active: { 'zh-CN': '正常', en: 'active' },
  disabled: { 'zh-CN': '已停用', en: 'disabled' },
  rectification: { 'zh-CN': '整改期', en: 'rectification' },
  signing: { 'zh-CN': '签署中', en: 'signing' },
  signed: { 'zh-CN': '已签署待备案', en: 'signed, awaiting filing' },
  filed: { 'zh-CN': '已备案', en: 'filed' },
  declined: { 'zh-CN': '已拒签', en: 'declined' },
  cancelled: { 'zh-CN': '已撤销', en: 'cancelled' },
  deregistered: { 'zh-CN': '已注销', en: 'deregistered' },
};

/** Error parameters as users read them: a `state` key becomes its label (“已推荐待认定”, not “recommended”). */
export function readableParams(
  params: Record<string, string | number>,
  lang: Lang,
): Record<string, string | number> {
  const state = params.state;
  if (typeof state !== 'string' || !(state in STATE_LABELS)) return params;
  return { ...params, state: STATE_LABELS[state]![lang] };
}

export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
