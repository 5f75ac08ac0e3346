/**
 * The workflow against expectations written out by hand below (never read back from the table):
 * every state × every action × every side × every subset of the relevant permissions.
 */
import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '../access/roles.ts';
import { ERRORS } from '../errors.ts';
import {
  availableActions,
  checkTransition,
  isEditable,
  REPORT_ACTION_LABELS,
  REPORT_ACTIONS,
  REPORT_SIDES,
  REPORT_STATE_COLORS,
  REPORT_STATE_LABELS,
  REPORT_STATES,
  REPORT_TRANSITIONS,
  type ActorCapabilities,
  type ReportAction,
  type ReportSide,
  type ReportState,
} from './transitions.ts';

/** state action side permission → to [effect]. One line per allowed step, from the text. */
const ALLOWED_FACTS = `
  draft                 save                sender    report.enter    draft
  returned              save                sender    report.enter    returned
  draft                 submit              sender    report.enter    submitted
  returned              submit              sender    report.enter    submitted
  submitted             review              sender    report.review   reviewed
  submitted             approve             sender    report.approve  approved
  reviewed              approve             sender    report.approve  approved
  approved              send                sender    report.approve  sent
  sent                  accept              receiver  report.receive  accepted
  sent                  return              receiver  report.receive  returned
  submitted             send_back           sender    report.review   draft
  reviewed              send_back           sender    report.review   draft
  approved              send_back           sender    report.review   draft
  accepted              request_correction  sender    report.approve  correction_requested
  correction_requested  approve_correction  receiver  report.receive  draft     new_version
  correction_requested  refuse_correction   receiver  report.receive  accepted
  draft                 record_out_of_band  receiver  report.receive  sent      out_of_band
  submitted             record_out_of_band  receiver  report.receive  sent      out_of_band
  reviewed              record_out_of_band  receiver  report.receive  sent      out_of_band
  approved              record_out_of_band  receiver  report.receive  sent      out_of_band
  returned              record_out_of_band  receiver  report.receive  sent      out_of_band
`;

interface Fact {
  state: string;
  action: string;
  side: string;
  permission: string;
  to: string;
  effect: string;
}

const FACTS: Fact[] = ALLOWED_FACTS.trim()
  .split('\n')
  .map((line) => {
    const [state, action, side, permission, to, effect = 'none'] = line.trim().split(/\s+/);
    return { state: state!, action: action!, side: side!, permission: permission!, to: to!, effect };
  });

/** The report permissions, plus one that must not matter. */
const RELEVANT: Permission[] = ['report.enter', 'report.review', 'report.approve', 'report.receive', 'report.work'];

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((acc, item) => [...acc, ...acc.map((s) => [...s, item])], [[]]);
}

const FULL_INPUT = {
  reason: 'Số liệu chưa khớp biểu 02',
  receivedAt: '2026-12-16T09:30:00+07:00',
  evidence: 'Công văn số 123/UBND nhận qua bưu điện',
};

describe('the transition table, exhaustively', () => {
  it('the hand-written facts name only real states, actions and permissions', () => {
    for (const f of FACTS) {
      expect(REPORT_STATES).toContain(f.state);
      expect(REPORT_ACTIONS).toContain(f.action);
      expect(REPORT_STATES).toContain(f.to);
      expect(RELEVANT).toContain(f.permission);
    }
    expect(FACTS).toHaveLength(21);
  });

  const cases = REPORT_STATES.flatMap((state) =>
    REPORT_ACTIONS.flatMap((action) =>
      REPORT_SIDES.flatMap((side) => subsets(RELEVANT).map((permissions) => ({ state, action, side, permissions }))),
    ),
  );

  it(`covers every state × action × side × permission subset (${cases.length} cases)`, () => {
    expect(cases).toHaveLength(8 * 12 * 3 * 32);
    let allowed = 0;
    for (const { state, action, side, permissions } of cases) {
      const appliesFacts = FACTS.filter((f) => f.state === state && f.action === action);
      const fact = appliesFacts.find((f) => f.side === side && permissions.includes(f.permission as Permission));
      const result = checkTransition(state, action, { side, permissions }, FULL_INPUT);
      const where = `${state} ${action} ${side} [${permissions.join(',')}]`;
      if (fact) {
        allowed++;
        expect(result, where).toEqual({ ok: true, to: fact.to, effect: fact.effect });
      } else if (appliesFacts.length === 0) {
        expect(result, where).toEqual({
          ok: false,
          code: 'TRANSITION_NOT_ALLOWED',
          message: `Không thể ${REPORT_ACTION_LABELS[action]} báo cáo đang ở trạng thái ${REPORT_STATE_LABELS[state]}.`,
        });
      } else {
        expect(result, where).toEqual({
          ok: false,
          code: 'TRANSITION_FORBIDDEN',
          message: `Bạn không có quyền ${REPORT_ACTION_LABELS[action]} báo cáo này.`,
        });
      }
    }
    // Each fact is reached by the subsets that hold its permission, on its side: 16 of 32.
    expect(allowed).toBe(FACTS.length * 16);
  });

  it('availableActions is exactly the actions the facts allow, in table order', () => {
    for (const state of REPORT_STATES) {
      for (const side of REPORT_SIDES) {
        for (const permissions of subsets(RELEVANT)) {
          const expected = REPORT_ACTIONS.filter((action) =>
            FACTS.some(
              (f) => f.state === state && f.action === action && f.side === side && permissions.includes(f.permission as Permission),
            ),
          );
          expect(availableActions(state, { side, permissions }), `${state} ${side} [${permissions.join(',')}]`).toEqual(expected);
        }
      }
    }
  });

  it('nobody outside the report (side none) may do anything, even holding every permission', () => {
    for (const state of REPORT_STATES) {
      expect(availableActions(state, { side: 'none', permissions: RELEVANT })).toEqual([]);
    }
  });

  it('the messages read as the issue wrote them', () => {
    const leader: ActorCapabilities = { side: 'sender', permissions: ['report.approve'] };
    expect(checkTransition('draft', 'approve', leader, {})).toMatchObject({
      message: 'Không thể Duyệt báo cáo đang ở trạng thái Đang soạn.',
    });
    expect(checkTransition('reviewed', 'approve', { side: 'sender', permissions: ['report.review'] }, {})).toMatchObject({
      message: 'Bạn không có quyền Duyệt báo cáo này.',
    });
  });

  it('the table lists every action once, each from at least one state', () => {
    expect(Object.keys(REPORT_TRANSITIONS).sort()).toEqual([...REPORT_ACTIONS].sort());
    for (const action of REPORT_ACTIONS) expect(REPORT_TRANSITIONS[action].from.length).toBeGreaterThan(0);
  });
});

describe('who may do what, by role and side (through ROLE_PERMISSIONS)', () => {
  /** Every action a role can take on some report from that side, written by hand. */
  const BY_ROLE: Record<Role, Record<Exclude<ReportSide, 'none'>, ReportAction[]>> = {
    system_admin: {
      sender: ['save', 'submit', 'review', 'approve', 'send', 'send_back', 'request_correction'],
      receiver: ['accept', 'return', 'approve_correction', 'refuse_correction', 'record_out_of_band'],
    },
    unit_admin: { sender: [], receiver: [] },
    report_owner: {
      sender: ['save', 'submit'],
      receiver: ['accept', 'return', 'approve_correction', 'refuse_correction', 'record_out_of_band'],
    },
    data_entry: { sender: ['save', 'submit'], receiver: [] },
    reviewer: { sender: ['review', 'send_back'], receiver: [] },
    approver: {
      sender: ['review', 'approve', 'send', 'send_back', 'request_correction'],
      receiver: ['accept', 'return', 'approve_correction', 'refuse_correction', 'record_out_of_band'],
    },
    viewer: { sender: [], receiver: [] },
  };

  it.each(ROLES)('%s', (role) => {
    for (const side of ['sender', 'receiver'] as const) {
      const caps: ActorCapabilities = { side, permissions: ROLE_PERMISSIONS[role] };
      const reachable = new Set(REPORT_STATES.flatMap((state) => availableActions(state, caps)));
      expect(REPORT_ACTIONS.filter((a) => reachable.has(a))).toEqual(BY_ROLE[role][side]);
    }
  });

  it('the existing permissions keep their roles', () => {
    expect(ROLE_PERMISSIONS.data_entry).toEqual(expect.arrayContaining(['unit.read', 'report.work']));
    expect(ROLE_PERMISSIONS.reviewer).toEqual(expect.arrayContaining(['unit.read', 'report.work']));
    expect(ROLE_PERMISSIONS.approver).toEqual(expect.arrayContaining(['unit.read', 'report.work', 'assignment.delegate']));
    expect(ROLE_PERMISSIONS.report_owner).toEqual(
      expect.arrayContaining(['unit.read', 'form.design', 'reference.manage', 'regime.manage', 'report.work', 'assignment.delegate']),
    );
    // A viewer (khai thác) reads units and the figures of units in scope, and nothing else.
    expect(ROLE_PERMISSIONS.viewer).toEqual(['unit.read', 'analytics.read']);
    expect(ROLE_PERMISSIONS.unit_admin).toEqual(['unit.read', 'unit.manage', 'user.read', 'user.manage', 'audit.read']);
  });
});

describe('reasons and out-of-band evidence', () => {
  const REASON_ACTIONS: [ReportState, ReportAction, ActorCapabilities, string][] = [
    ['sent', 'return', { side: 'receiver', permissions: ['report.receive'] }, 'Vui lòng nhập lý do trả lại.'],
    ['reviewed', 'send_back', { side: 'sender', permissions: ['report.review'] }, 'Vui lòng nhập lý do trả lại người soạn.'],
    ['accepted', 'request_correction', { side: 'sender', permissions: ['report.approve'] }, 'Vui lòng nhập lý do đề nghị đính chính.'],
    [
      'correction_requested',
      'refuse_correction',
      { side: 'receiver', permissions: ['report.receive'] },
      'Vui lòng nhập lý do từ chối đính chính.',
    ],
  ];

  it.each(REASON_ACTIONS)('%s → %s refuses a missing or blank reason', (state, action, caps, message) => {
    for (const reason of [undefined, null, '', ' ', '   ', '\t\n', '\u00a0', '\u3000 ']) {
      expect(checkTransition(state, action, caps, { reason }), JSON.stringify(reason)).toEqual({
        ok: false,
        code: 'REASON_REQUIRED',
        message,
      });
    }
    expect(checkTransition(state, action, caps, { reason: '  Thiếu số liệu quý III  ' }).ok).toBe(true);
  });

  it('a missing reason is checked after the permission: a stranger learns nothing more', () => {
    expect(checkTransition('sent', 'return', { side: 'sender', permissions: ['report.receive'] }, {})).toMatchObject({
      code: 'TRANSITION_FORBIDDEN',
    });
  });

  it('the other actions need no reason', () => {
    const noReason: [ReportState, ReportAction, ActorCapabilities][] = [
      ['draft', 'save', { side: 'sender', permissions: ['report.enter'] }],
      ['draft', 'submit', { side: 'sender', permissions: ['report.enter'] }],
      ['submitted', 'review', { side: 'sender', permissions: ['report.review'] }],
      ['submitted', 'approve', { side: 'sender', permissions: ['report.approve'] }],
      ['approved', 'send', { side: 'sender', permissions: ['report.approve'] }],
      ['sent', 'accept', { side: 'receiver', permissions: ['report.receive'] }],
      ['correction_requested', 'approve_correction', { side: 'receiver', permissions: ['report.receive'] }],
    ];
    for (const [state, action, caps] of noReason) expect(checkTransition(state, action, caps, {}).ok, action).toBe(true);
  });

  it('record_out_of_band needs a valid received time and an evidence note', () => {
    const receiver: ActorCapabilities = { side: 'receiver', permissions: ['report.receive'] };
    const evidence = 'Bản giấy nhận qua bưu điện ngày 16/12/2026';
    for (const receivedAt of [undefined, null, '', '  ', 'hôm qua', '2026-13-45T99:00:00Z']) {
      expect(checkTransition('approved', 'record_out_of_band', receiver, { receivedAt, evidence }), String(receivedAt)).toMatchObject({
        ok: false,
        code: 'RECEIVED_AT_REQUIRED',
      });
    }
    for (const missing of [undefined, null, '', ' \n ']) {
      expect(
        checkTransition('approved', 'record_out_of_band', receiver, { receivedAt: '2026-12-16T09:30:00+07:00', evidence: missing }),
      ).toMatchObject({
        ok: false,
        code: 'REASON_REQUIRED',
      });
    }
    expect(checkTransition('approved', 'record_out_of_band', receiver, { receivedAt: '2026-12-16T09:30:00+07:00', evidence })).toEqual({
      ok: true,
      to: 'sent',
      effect: 'out_of_band',
    });
  });

  it('every failure code is a known error code with the right HTTP status', () => {
    expect(ERRORS.TRANSITION_NOT_ALLOWED.status).toBe(409);
    expect(ERRORS.TRANSITION_FORBIDDEN.status).toBe(403);
    expect(ERRORS.REASON_REQUIRED.status).toBe(400);
    expect(ERRORS.RECEIVED_AT_REQUIRED.status).toBe(400);
  });
});

describe('editing, labels and colours', () => {
  it('only draft and returned reports are editable', () => {
    expect(REPORT_STATES.filter(isEditable)).toEqual(['draft', 'returned']);
  });

  it('labels are the Vietnamese names, in NFC', () => {
    expect(Object.values(REPORT_STATE_LABELS)).toEqual([
      'Đang soạn',
      'Đã trình',
      'Đã kiểm tra',
      'Đã duyệt',
      'Đã gửi',
      'Đã tiếp nhận',
      'Bị trả lại',
      'Đề nghị đính chính',
    ]);
    expect(REPORT_ACTIONS.map((a) => REPORT_ACTION_LABELS[a])).toEqual([
      'Lưu',
      'Trình',
      'Kiểm tra xong',
      'Duyệt',
      'Gửi',
      'Tiếp nhận',
      'Trả lại',
      'Trả lại người soạn',
      'Đề nghị đính chính',
      'Đồng ý đính chính',
      'Từ chối đính chính',
      'Ghi nhận nhận ngoài hệ thống',
    ]);
    for (const label of [...Object.values(REPORT_STATE_LABELS), ...Object.values(REPORT_ACTION_LABELS)])
      expect(label).toBe(label.normalize('NFC'));
  });

  it('colours are antd tag presets, and the states tell apart', () => {
    const presets = ['default', 'blue', 'cyan', 'geekblue', 'purple', 'green', 'red', 'orange', 'gold', 'magenta', 'volcano', 'lime'];
    for (const state of REPORT_STATES) expect(presets).toContain(REPORT_STATE_COLORS[state]);
    expect(new Set(Object.values(REPORT_STATE_COLORS)).size).toBe(REPORT_STATES.length);
  });
});
