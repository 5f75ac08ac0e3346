import { z } from 'zod';
import { PERIOD_TYPES, WINDOW_MODES } from '../periods/types.ts';
import { UNIT_KINDS } from '../units/kinds.ts';
import { isoDate, optionalText, pageQuery, text, timestamp, uuid } from './common.ts';

/** ND 09/2019 Art. 4 (LEGAL R13). */
export const REGIME_KINDS = ['dinh_ky', 'chuyen_de', 'dot_xuat'] as const;
export type RegimeKind = (typeof REGIME_KINDS)[number];
export const REGIME_KIND_LABELS: Record<RegimeKind, string> = {
  dinh_ky: 'Định kỳ',
  chuyen_de: 'Chuyên đề',
  dot_xuat: 'Đột xuất',
};

/** ND 09/2019 Art. 8 k4 (LEGAL R14). */
export const SENDING_METHODS = ['truc_tiep', 'buu_chinh', 'fax', 'thu_dien_tu', 'phan_mem', 'khac'] as const;
export type SendingMethod = (typeof SENDING_METHODS)[number];
export const SENDING_METHOD_LABELS: Record<SendingMethod, string> = {
  truc_tiep: 'Gửi trực tiếp',
  buu_chinh: 'Gửi qua dịch vụ bưu chính',
  fax: 'Gửi qua Fax',
  thu_dien_tu: 'Gửi qua thư điện tử',
  phan_mem: 'Gửi qua Hệ thống thông tin báo cáo (phần mềm chuyên dùng)',
  khac: 'Phương thức khác',
};

/** Nội dung yêu cầu báo cáo: the narrative part, the figures, or both (LEGAL R11). */
export const CONTENT_KINDS = ['text', 'numeric', 'both'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];
export const CONTENT_KIND_LABELS: Record<ContentKind, string> = {
  text: 'Báo cáo thuyết minh (phần chữ)',
  numeric: 'Báo cáo số liệu',
  both: 'Cả thuyết minh và số liệu',
};

export const REGIME_STATUS_LABELS = { draft: 'Đang soạn', active: 'Đang áp dụng', stopped: 'Ngừng áp dụng' } as const;
export const REGIME_VERSION_STATUS_LABELS = { draft: 'Bản nháp', published: 'Đã ban hành' } as const;

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ không hợp lệ (định dạng HH:mm).');

/** core/periods DeadlineRule, as a schema. */
export const deadlineRule = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('day_of_month'),
    monthOffset: z.number().int().min(0).max(12),
    day: z.number().int().min(1).max(31),
    time: localTime,
    rollForward: z.boolean().default(true),
  }),
  z.object({
    kind: z.literal('days_after'),
    days: z.number().int().min(0).max(366),
    time: localTime,
    rollForward: z.boolean().default(true),
  }),
  z.object({
    kind: z.literal('working_days_after'),
    days: z.number().int().min(1).max(120),
    time: localTime,
    rollForward: z.boolean().default(true),
  }),
  z.object({ kind: z.literal('fixed_date'), date: isoDate, time: localTime, rollForward: z.boolean().default(true) }),
]);
export type DeadlineRuleInput = z.infer<typeof deadlineRule>;

/**
 * One level's deadline (LEGAL R9). Level 0 is the regime's reporting units sending to the receiving
 * unit; level 1 their subunits sending to them (giao tiếp), and so on; each lower level is due earlier.
 */
export const deadlineLevel = z.object({ label: text(200), rule: deadlineRule });

/** Who must report (đối tượng thực hiện). */
export const reportingUnitSelection = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('explicit'), unitIds: z.array(uuid).min(1, 'Chọn ít nhất một đơn vị thực hiện báo cáo.').max(5000) }),
  z.object({
    mode: z.literal('by_kind'),
    /** Units of these kinds under this unit (its whole subtree, or only its direct children). */
    rootUnitId: uuid,
    kinds: z.array(z.enum(UNIT_KINDS)).min(1, 'Chọn ít nhất một loại đơn vị.'),
    includeSubtree: z.boolean().default(true),
  }),
  z.object({
    mode: z.literal('by_indicator'),
    /**
     * By indicator allocation (theo phân bổ chỉ tiêu): the units responsible for these indicators of
     * the indicator library (đơn vị chủ trì), and those taking part in them (đơn vị phối hợp).
     */
    indicatorIds: z.array(uuid).min(1, 'Chọn ít nhất một chỉ tiêu.').max(500),
    includeCoordinating: z.boolean().default(true),
  }),
]);
export type ReportingUnitSelection = z.infer<typeof reportingUnitSelection>;

/** A period of a thematic or ad hoc regime, or of a periodic one with custom periods. */
export const customPeriod = z.object({
  label: text(200),
  start: isoDate,
  end: isoDate,
  deadlineDate: isoDate,
  deadlineTime: localTime.default('17:00'),
});
export type CustomPeriodInput = z.infer<typeof customPeriod>;

/** The eleven elements of ND 09/2019 Art. 7 and what the system needs to run the regime. */
export const regimeContent = z.object({
  // 1. Tên báo cáo
  name: text(500),
  // 2. Nội dung yêu cầu báo cáo
  content: text(10000),
  contentKind: z.enum(CONTENT_KINDS),
  kind: z.enum(REGIME_KINDS),
  /** A statistical reporting regime under the Statistics Law (LEGAL R13). */
  isStatistical: z.boolean().default(false),
  /** Văn bản quy định chế độ báo cáo (LEGAL R12). */
  legalBasis: z.object({ documentNumber: text(100), documentDate: isoDate, issuer: optionalText(300) }),
  // 3. Đối tượng thực hiện báo cáo
  reportingUnits: reportingUnitSelection,
  // 4. Cơ quan nhận báo cáo
  receivingUnitId: uuid,
  /** The recipient is the Government or the Prime Minister: deadline defaults to the 25th (LEGAL R8). */
  reportsToGovernment: z.boolean().default(false),
  // 5. Phương thức gửi, nhận báo cáo
  sendingMethods: z.array(z.enum(SENDING_METHODS)).min(1, 'Chọn ít nhất một phương thức gửi, nhận báo cáo.'),
  // 6. Thời gian chốt số liệu
  windowMode: z.enum(WINDOW_MODES).default('cutoff'),
  schoolYearEnd: z
    .object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
    .nullable()
    .default(null),
  // 7. Thời hạn gửi báo cáo (one per level)
  deadlines: z.array(deadlineLevel).min(1).max(5),
  // 8. Tần suất thực hiện báo cáo
  frequency: z.enum(PERIOD_TYPES),
  /** Thematic, ad hoc and custom-frequency regimes list their periods. */
  customPeriods: z.array(customPeriod).max(366).default([]),
  // 9. Mẫu đề cương báo cáo (a published outline form)
  outlineFormId: uuid.nullable().default(null),
  // 10. Biểu mẫu số liệu báo cáo (published table or list forms)
  formIds: z.array(uuid).max(50).default([]),
  // 11. Hướng dẫn quy trình thực hiện báo cáo
  guidance: optionalText(20000),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable().default(null),
  allowLateSending: z.boolean().default(true),
  /** Days before a period's window ends that it opens (0 = when the window starts). */
  openLeadDays: z.number().int().min(0).max(90).default(0),
  reminders: z
    .object({
      /** Remind this many days before the deadline (each once). */
      daysBefore: z.array(z.number().int().min(0).max(60)).max(5).default([3, 1]),
      /** After the deadline, remind every N days (0 = only once). */
      overdueEveryDays: z.number().int().min(0).max(30).default(1),
    })
    .default({ daysBefore: [3, 1], overdueEveryDays: 1 }),
});
export type RegimeContent = z.infer<typeof regimeContent>;
export type RegimeContentInput = z.input<typeof regimeContent>;

export const regimeVersionSummary = z.object({
  id: uuid,
  versionNo: z.number().int(),
  status: z.enum(['draft', 'published']),
  note: z.string().nullable(),
  createdAt: timestamp,
  publishedAt: timestamp.nullable(),
  revision: z.number().int(),
});
export type RegimeVersionSummary = z.infer<typeof regimeVersionSummary>;

export const regimeSummary = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  kind: z.enum(REGIME_KINDS),
  frequency: z.enum(PERIOD_TYPES),
  ownerUnitId: uuid,
  ownerUnitName: z.string(),
  status: z.enum(['draft', 'active', 'stopped']),
  current: regimeVersionSummary.nullable(),
  draft: regimeVersionSummary.nullable(),
  openPeriods: z.number().int(),
  canManage: z.boolean(),
  updatedAt: timestamp,
  version: z.number().int(),
});
export type RegimeSummary = z.infer<typeof regimeSummary>;

export const regimeDetail = regimeSummary.extend({
  versions: z.array(regimeVersionSummary),
  /** Content of the draft when there is one, else of the current version. */
  content: regimeContent,
  /** Whether `content` is the draft's. */
  editing: z.boolean(),
  /** Names for the ids in `content`, so that the UI shows them without more requests. */
  names: z.object({
    units: z.record(z.string(), z.string()),
    forms: z.record(z.string(), z.object({ code: z.string(), name: z.string(), kind: z.string() })),
    indicators: z.record(z.string(), z.object({ code: z.string(), name: z.string() })).default({}),
  }),
});
export type RegimeDetail = z.infer<typeof regimeDetail>;

export const regimeListQuery = pageQuery.extend({
  q: z.string().max(200).optional(),
  kind: z.enum(REGIME_KINDS).optional(),
  status: z.enum(['draft', 'active', 'stopped']).optional(),
});

export const createRegimeBody = z.object({ ownerUnitId: uuid, code: text(50), content: regimeContent });
export const saveRegimeDraftBody = z.object({ revision: z.number().int(), content: regimeContent });
export const publishRegimeBody = z.object({ revision: z.number().int(), note: optionalText(1000) });

/** A period as computed (preview, calendar) or as opened. */
export const periodDeadline = z.object({ label: z.string(), date: isoDate, time: z.string(), at: timestamp });
export const periodPreview = z.object({
  code: z.string(),
  label: z.string(),
  windowStart: isoDate,
  windowEnd: isoDate,
  opensOn: isoDate,
  deadlines: z.array(periodDeadline),
});
export type PeriodPreview = z.infer<typeof periodPreview>;

export const previewPeriodsBody = z.object({
  content: regimeContent,
  from: isoDate.optional(),
  count: z.number().int().min(1).max(60).default(12),
});
export const previewPeriodsResponse = z.object({ periods: z.array(periodPreview) });

export const previewUnitsBody = z.object({ selection: reportingUnitSelection });
export const previewUnitsResponse = z.object({
  total: z.number().int(),
  units: z.array(z.object({ id: uuid, name: z.string(), kind: z.enum(UNIT_KINDS) })),
});

// ---------- Periods and assignments ----------

export const PERIOD_STATES = ['open', 'extended', 'closed'] as const;
export type PeriodState = (typeof PERIOD_STATES)[number];
export const PERIOD_STATE_LABELS: Record<PeriodState, string> = { open: 'Đang mở', extended: 'Đã gia hạn', closed: 'Đã đóng' };

/** Until the reports workflow (issue 6) drives them, assignments start not_started. */
export const ASSIGNMENT_STATUSES = ['not_started', 'in_progress', 'sent', 'accepted', 'returned', 'cancelled'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  sent: 'Đã gửi',
  accepted: 'Đã tiếp nhận',
  returned: 'Bị trả lại',
  cancelled: 'Đã hủy',
};

/** How an assignment stands against its deadline (the colours of "Việc cần làm" and monitoring). */
export const TIMELINESS = ['on_time', 'late', 'pending', 'due_soon', 'overdue', 'cancelled'] as const;
export type Timeliness = (typeof TIMELINESS)[number];
export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: 'Gửi đúng hạn',
  late: 'Gửi muộn',
  pending: 'Còn hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  cancelled: 'Đã hủy',
};

export const regimePeriodSummary = z.object({
  id: uuid,
  regimeId: uuid,
  code: z.string(),
  label: z.string(),
  windowStart: isoDate,
  windowEnd: isoDate,
  deadlines: z.array(periodDeadline),
  deadlineAt: timestamp,
  state: z.enum(PERIOD_STATES),
  openedAt: timestamp,
  closedAt: timestamp.nullable(),
  counts: z.record(z.enum(ASSIGNMENT_STATUSES), z.number().int()),
  total: z.number().int(),
  version: z.number().int(),
});
export type RegimePeriodSummary = z.infer<typeof regimePeriodSummary>;

export const assignmentSummary = z.object({
  id: uuid,
  regimePeriodId: uuid,
  parentAssignmentId: uuid.nullable(),
  level: z.number().int(),
  unitId: uuid,
  unitName: z.string(),
  receivingUnitId: uuid,
  receivingUnitName: z.string(),
  deadlineAt: timestamp,
  originalDeadlineAt: timestamp,
  status: z.enum(ASSIGNMENT_STATUSES),
  timeliness: z.enum(TIMELINESS),
  sentAt: timestamp.nullable(),
  childCount: z.number().int(),
  version: z.number().int(),
});
export type AssignmentSummary = z.infer<typeof assignmentSummary>;

export const periodEvent = z.object({
  id: uuid,
  kind: z.enum(['opened', 'closed', 'reopened', 'extended', 'delegated', 'reminded']),
  reason: z.string().nullable(),
  oldDeadlineAt: timestamp.nullable(),
  newDeadlineAt: timestamp.nullable(),
  unitNames: z.array(z.string()),
  actorName: z.string().nullable(),
  at: timestamp,
});

export const regimePeriodDetail = regimePeriodSummary.extend({
  regimeName: z.string(),
  regimeCode: z.string(),
  forms: z.array(z.object({ formId: uuid, versionId: uuid, code: z.string(), name: z.string(), kind: z.string() })),
  /** Every assignment of the period, the delegated ones included (parentAssignmentId builds the tree). */
  assignments: z.array(assignmentSummary),
  events: z.array(periodEvent),
  canManage: z.boolean(),
});
export type RegimePeriodDetail = z.infer<typeof regimePeriodDetail>;

export const closePeriodBody = z.object({ version: z.number().int(), reason: optionalText(2000) });
export const extendPeriodBody = z.object({
  version: z.number().int(),
  deadlineDate: isoDate,
  deadlineTime: localTime.default('17:00'),
  /** Units whose deadline moves; absent or empty: all units of the period. */
  unitIds: z.array(uuid).max(5000).optional(),
  reason: text(2000),
});

/** Units × periods: each cell is one assignment's status (the owner's monitoring table). */
export const monitoringQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const monitoringResponse = z.object({
  periods: z.array(
    regimePeriodSummary.pick({ id: true, code: true, label: true, windowStart: true, windowEnd: true, deadlineAt: true, state: true }),
  ),
  rows: z.array(
    z.object({
      unitId: uuid,
      unitName: z.string(),
      cells: z.record(
        z.string(),
        z.object({
          assignmentId: uuid,
          status: z.enum(ASSIGNMENT_STATUSES),
          timeliness: z.enum(TIMELINESS),
          deadlineAt: timestamp,
          sentAt: timestamp.nullable(),
          childCount: z.number().int(),
        }),
      ),
    }),
  ),
});
export type MonitoringResponse = z.infer<typeof monitoringResponse>;

export const assignmentDetail = assignmentSummary.extend({
  regimeId: uuid,
  regimeCode: z.string(),
  regimeName: z.string(),
  periodLabel: z.string(),
  windowStart: isoDate,
  windowEnd: isoDate,
  periodState: z.enum(PERIOD_STATES),
  forms: z.array(z.object({ formId: uuid, versionId: uuid, code: z.string(), name: z.string(), kind: z.string() })),
  note: z.string().nullable(),
  children: z.array(assignmentSummary),
  /** The unit may pass it down to its subunits or divisions. */
  canDelegate: z.boolean(),
  /** The regime's deadline for the next level down (R9), while it is still ahead: the natural deadline when delegating. */
  suggestedChildDeadline: z.object({ date: isoDate, time: z.string(), label: z.string() }).nullable(),
});
export type AssignmentDetail = z.infer<typeof assignmentDetail>;

export const delegateBody = z.object({
  unitIds: z.array(uuid).min(1, 'Chọn ít nhất một đơn vị.').max(2000),
  deadlineDate: isoDate,
  deadlineTime: localTime.default('17:00'),
  /** Forms the subunits must fill; absent: all of the assignment's. */
  formVersionIds: z.array(uuid).optional(),
  note: optionalText(2000),
});

/** "Việc cần làm": what waits for the signed-in user, soonest deadline first. */
export const taskItem = z.object({
  kind: z.literal('assignment'),
  assignmentId: uuid,
  regimeId: uuid,
  regimeCode: z.string(),
  regimeName: z.string(),
  periodLabel: z.string(),
  windowStart: isoDate,
  windowEnd: isoDate,
  deadlineAt: timestamp,
  extended: z.boolean(),
  unitId: uuid,
  unitName: z.string(),
  receivingUnitName: z.string(),
  delegatedBy: z.string().nullable(),
  status: z.enum(ASSIGNMENT_STATUSES),
  timeliness: z.enum(TIMELINESS),
  forms: z.array(z.object({ formId: uuid, versionId: uuid, code: z.string(), name: z.string(), kind: z.string() })),
});
export type TaskItem = z.infer<typeof taskItem>;
export const taskListQuery = z.object({ include: z.enum(['open', 'all']).default('open') });
export const taskListResponse = z.object({ items: z.array(taskItem), dueSoonDays: z.number().int() });

// ---------- Working-day calendar ----------

export const calendarDay = z.object({
  date: isoDate,
  name: z.string(),
  source: z.enum(['law', 'compensatory', 'announced']),
});
export const calendarAdjustmentItem = z.object({
  date: isoDate,
  kind: z.enum(['holiday', 'working_day']),
  name: z.string(),
  updatedAt: timestamp,
});
export const calendarYearResponse = z.object({
  year: z.number().int(),
  /** Days off that are not weekends: the law's holidays, compensatory days and announced ones. */
  holidays: z.array(calendarDay),
  /** The administrator's list for the year. */
  adjustments: z.array(calendarAdjustmentItem),
  /** Saturdays and Sundays worked by announcement. */
  workingWeekends: z.array(isoDate),
  workingDayCount: z.number().int(),
});
export type CalendarYearResponse = z.infer<typeof calendarYearResponse>;
export const calendarYearParams = z.object({ year: z.coerce.number().int().min(1900).max(2199) });
export const putAdjustmentBody = z.object({ kind: z.enum(['holiday', 'working_day']), name: text(200) });
export const adjustmentParams = z.object({ date: isoDate });

// ---------- Notifications ----------

export const NOTIFICATION_KINDS = [
  'assignment_new',
  'deadline_soon',
  'overdue',
  'period_extended',
  'period_closed',
  'period_reopened',
  'workflow',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationItem = z.object({
  id: uuid,
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
});
export type NotificationItem = z.infer<typeof notificationItem>;
export const notificationListQuery = pageQuery.extend({ unreadOnly: z.enum(['true', 'false']).default('false') });
export const unreadCountResponse = z.object({ unread: z.number().int() });
