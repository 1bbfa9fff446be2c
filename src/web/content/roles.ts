import type { Role } from '../../shared/roles';
import type { Bilingual } from '../i18n/types';
import { CHALLENGE_GUIDE } from '../challenges/guide';
import { REGISTRY_GUIDE } from '../registry/guide';
import { STATION_GUIDE } from '../stations/guide';
import { TAKING_GUIDE } from '../taking/guide';
import { FOLLOWUP_GUIDE } from '../followup/guide';
import { RESULTS_GUIDE } from '../results/guide';

/**
 * What each role does on the platform, as data: the help page (操作手册) renders one section per
 * entry and the dashboard shows the role's summary and upcoming work. When a feature goes live, move
 * its line from `later` to `now` (and add the steps) — nothing else needs to change.
 */
export interface RoleGuide {
  role: Role;
  summary: Bilingual;
  /** How the account comes into being. */
  account: Bilingual;
  now: Bilingual[];
  later: Bilingual[];
}

const b = (zh: string, en: string): Bilingual => ({ zh, en });

const COMMON_NOW = [
  b('在“个人资料”查看本人账号信息', 'See your account on the Profile page'),
  b('在“修改密码”定期更换密码', 'Change your password on the Change password page'),
  b(
    '在“消息通知”查看平台消息，右上角铃铛显示未读数量',
    'Read messages under Notifications; the bell shows the unread count',
  ),
];

const STAFF_ACCOUNT = b(
  '由系统管理员开设，初始密码当面或通过安全渠道告知；首次登录须修改初始密码。',
  'Created by the system administrator, who hands over the initial password securely; change it at first login.',
);

export const ROLE_GUIDES: RoleGuide[] = [
  {
    role: 'unit',
    summary: b(
      '企业、科研院所、新型研发机构、事业单位、高等院校等法人单位的经办人员，代表本单位申报设站、发布和揭榜需求。',
      'Staff of an enterprise, research institute, new R&D institution, public institution or university, acting for the unit.',
    ),
    account: b(
      '在“注册 → 单位注册”自行注册：填写单位名称、单位类型、统一社会信用代码（系统自动校验）、成立日期、所在区县和联系人。',
      'Self-registration under Register → Unit: name, type, unified social credit code (checked automatically), date of registration, district and contact.',
    ),
    now: [
      b('注册单位账号并登录工作台', 'Register the unit and log in'),
      ...STATION_GUIDE.unit,
      ...REGISTRY_GUIDE.unit,
      ...CHALLENGE_GUIDE.unit,
      ...TAKING_GUIDE.unit,
      ...FOLLOWUP_GUIDE.party,
      ...RESULTS_GUIDE.party,
      ...COMMON_NOW,
    ],
    later: [
      b(
        '在线签署承诺书、保密书、合作协议',
        'Sign commitment letters, confidentiality and cooperation agreements online',
      ),
    ],
  },
  {
    role: 'individual',
    summary: b(
      '博士、在站或出站博士后，可发布本人科研成果转化需求，或以个人、团队负责人身份揭榜技术攻关需求。',
      'A PhD or postdoc (in or out of station) who posts results for commercialisation or takes technical challenges alone or as team leader.',
    ),
    account: b(
      '在“注册 → 个人注册”自行注册：填写姓名、最高学位、博士后状态（在站/出站/博士）、研究领域、所在单位及联系方式。',
      'Self-registration under Register → Individual: name, degree, postdoc status (in/out of station, PhD), field, institution and contact.',
    ),
    now: [
      b('注册个人账号并登录工作台', 'Register and log in'),
      ...CHALLENGE_GUIDE.individual,
      ...TAKING_GUIDE.individual,
      ...FOLLOWUP_GUIDE.party,
      ...RESULTS_GUIDE.party,
      ...COMMON_NOW,
    ],
    later: [b('在线签署承诺书、保密书、合作协议', 'Sign agreements online')],
  },
  {
    role: 'district_officer',
    summary: b(
      '区县人力社保局博士后工作办公室工作人员，只能看到和办理本区县的事项。',
      'Staff of a district postdoctoral office; sees and handles its own district only.',
    ),
    account: STAFF_ACCOUNT,
    now: [
      ...STATION_GUIDE.district,
      ...REGISTRY_GUIDE.district,
      ...FOLLOWUP_GUIDE.district,
      ...RESULTS_GUIDE.district,
      b('在“单位名录”查看本区县已注册单位及其详情', 'See the units registered in your district under Units'),
      ...COMMON_NOW,
    ],
    later: [],
  },
  {
    role: 'municipal_officer',
    summary: b(
      '市博士后工作办公室工作人员，负责全市设站认定、需求审核、对接组织与统计。',
      'Staff of the municipal postdoctoral office: certification, posting review, matching and statistics city-wide.',
    ),
    account: STAFF_ACCOUNT,
    now: [
      ...STATION_GUIDE.municipal,
      ...REGISTRY_GUIDE.municipal,
      b('在“单位名录”查看全市已注册单位', 'See every registered unit under Units'),
      ...CHALLENGE_GUIDE.municipal,
      ...TAKING_GUIDE.municipal,
      ...FOLLOWUP_GUIDE.municipal,
      ...RESULTS_GUIDE.municipal,
      ...COMMON_NOW,
    ],
    later: [
      b(
        '组织对接、专家评审、活动与年度评优',
        'Organise matching, expert evaluation, events and annual awards',
      ),
      b('发布对接成功项目', 'Publish successful matches'),
    ],
  },
  {
    role: 'national_reviewer',
    summary: b(
      '部级审核人员，对市级审核通过的张榜需求进行二级审核。',
      'The ministry’s reviewer: second-level review of postings.',
    ),
    account: STAFF_ACCOUNT,
    now: [...CHALLENGE_GUIDE.national, ...COMMON_NOW],
    later: [],
  },
  {
    role: 'expert',
    summary: b(
      '受邀评审专家，对分配给本人的揭榜方案或设站申请评分。',
      'An invited expert who scores the solutions or applications assigned to them.',
    ),
    account: STAFF_ACCOUNT,
    now: COMMON_NOW,
    later: [
      b('查看分配给本人的评审任务并打分', 'See assigned evaluations and score them'),
      b('声明利益冲突并申请回避', 'Declare conflicts of interest'),
    ],
  },
  {
    role: 'sys_admin',
    summary: b(
      '系统管理员（三员之一），负责账号的开设与维护，不接触业务数据和审计日志。',
      'One of the three operators: creates and maintains accounts; no access to business data or the audit log.',
    ),
    account: b(
      '平台首次启动时自动生成，初始密码保存在服务器数据目录的 initial-admin.txt 中，首次登录须修改。',
      'Created at first start; the initial password is in initial-admin.txt in the data directory and must be changed at first login.',
    ),
    now: [
      b(
        '在“账号管理”新建工作人员账号（选择角色，区县博管办须选择区县），初始密码只显示一次',
        'Create staff accounts under Accounts (district offices need a district); the initial password is shown once',
      ),
      b('为忘记密码的用户重置密码', 'Reset forgotten passwords'),
      b('停用或启用账号', 'Disable or enable accounts'),
      ...COMMON_NOW,
    ],
    later: [
      b('维护区县信息、申报表模板和系统参数', 'Maintain districts, form templates and system settings'),
    ],
  },
  {
    role: 'sec_admin',
    summary: b(
      '安全管理员（三员之一），负责角色授权与安全策略。',
      'One of the three operators: roles and security policy.',
    ),
    account: STAFF_ACCOUNT,
    now: [
      b(
        '在“账号角色”调整工作人员的角色与所属区县，解锁被锁定的账号',
        'Change staff roles and districts and unlock locked accounts under Account roles',
      ),
      b(
        '在“安全设置”设置会话超时、登录失败锁定次数与锁定时长',
        'Set session timeout and lockout policy under Security settings',
      ),
      b('在“权限矩阵”查看各角色权限', 'See who may do what under Permission matrix'),
      ...COMMON_NOW,
    ],
    later: [],
  },
  {
    role: 'audit_admin',
    summary: b(
      '审计管理员（三员之一），查阅和校验审计日志，不能修改任何数据。',
      'One of the three operators: reads and verifies the audit log and changes nothing.',
    ),
    account: STAFF_ACCOUNT,
    now: [
      b(
        '在“审计日志”按操作、操作人、对象、时间查询记录，展开查看变更前后内容',
        'Search the audit log by action, actor, entity and time; expand a record to see before and after',
      ),
      b(
        '点击“校验哈希链”检查日志是否被篡改',
        'Click Verify hash chain to check the log has not been tampered with',
      ),
      b('在“权限矩阵”查看各角色权限', 'See the permission matrix'),
      ...COMMON_NOW,
    ],
    later: [],
  },
];

/** Rules every user should know, shown first in the guide. */
export const GENERAL_GUIDE: Bilingual[] = [
  b(
    '密码至少 8 位，须包含大写字母、小写字母、数字、符号中的至少 3 类。',
    'Passwords have at least 8 characters from at least 3 of: upper case, lower case, digits, symbols.',
  ),
  b(
    '连续多次输错密码，账号将被临时锁定；可等待锁定期满或联系安全管理员解锁。',
    'Too many wrong passwords lock the account for a while; wait or ask the security administrator.',
  ),
  b(
    '长时间未操作将自动退出登录，请重新登录；正在填写的注册信息会保存在本机浏览器中。',
    'After a period of inactivity you are logged out; registration entries are kept in this browser.',
  ),
  b('页面右上角可切换中文/English 界面。', 'Switch between Chinese and English at the top right.'),
];

export function guideFor(role: Role): RoleGuide | undefined {
  return ROLE_GUIDES.find((g) => g.role === role);
}
