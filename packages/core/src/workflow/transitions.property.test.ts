import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../access/roles.ts';
import {
  availableActions,
  checkTransition,
  REPORT_ACTIONS,
  REPORT_SIDES,
  REPORT_STATES,
  type ActorCapabilities,
  type ReportAction,
  type ReportState,
  type TransitionEffect,
} from './transitions.ts';

const FULL_INPUT = { reason: 'Lý do', receivedAt: '2026-12-16T09:30:00+07:00', evidence: 'Công văn giấy số 45/SYT' };

const stateArb = fc.constantFrom(...REPORT_STATES);
const capsArb: fc.Arbitrary<ActorCapabilities> = fc.record({
  side: fc.constantFrom(...REPORT_SIDES),
  permissions: fc.subarray([...PERMISSIONS]),
});

/** The only ways into "accepted", written by hand. */
const INTO_ACCEPTED: ReportAction[] = ['accept', 'refuse_correction'];

describe('workflow properties', () => {
  it('availableActions are exactly the actions checkTransition allows with a complete request', () => {
    fc.assert(
      fc.property(stateArb, capsArb, (state, caps) => {
        const available = availableActions(state, caps);
        const ok = REPORT_ACTIONS.filter((action) => checkTransition(state, action, caps, FULL_INPUT).ok);
        expect(available).toEqual(ok);
      }),
    );
  });

  it('random walks of allowed actions stay within the defined states and enter "accepted" only through acceptance or a correction decision', () => {
    fc.assert(
      fc.property(stateArb, fc.array(fc.tuple(capsArb, fc.nat()), { maxLength: 60 }), (start, steps) => {
        let state: ReportState = start;
        for (const [caps, pick] of steps) {
          const actions = availableActions(state, caps);
          if (actions.length === 0) continue;
          const action = actions[pick % actions.length]!;
          const result = checkTransition(state, action, caps, FULL_INPUT);
          if (!result.ok) throw new Error(`${action} offered from ${state} but refused: ${result.message}`);
          expect(REPORT_STATES).toContain(result.to);
          if (result.to === 'accepted' && state !== 'accepted') expect(INTO_ACCEPTED).toContain(action);
          state = result.to;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('no action of any actor leads into "accepted" except the three', () => {
    const everyone: ActorCapabilities[] = [
      { side: 'sender', permissions: PERMISSIONS },
      { side: 'receiver', permissions: PERMISSIONS },
    ];
    for (const state of REPORT_STATES) {
      for (const caps of everyone) {
        for (const action of REPORT_ACTIONS) {
          const result = checkTransition(state, action, caps, FULL_INPUT);
          if (result.ok && result.to === 'accepted') expect(INTO_ACCEPTED, `${state} ${action}`).toContain(action);
        }
      }
    }
  });

  it('a reason made only of whitespace is always refused', () => {
    const receiver: ActorCapabilities = { side: 'receiver', permissions: ['report.receive'] };
    const blank = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000') });
    fc.assert(
      fc.property(blank, (reason) => {
        expect(checkTransition('sent', 'return', receiver, { reason })).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        (reason) => {
          expect(checkTransition('sent', 'return', receiver, { reason })).toEqual({ ok: true, to: 'returned', effect: 'none' });
        },
      ),
    );
  });
});

describe('golden path', () => {
  const drafter: ActorCapabilities = { side: 'sender', permissions: ['report.enter'] };
  const reviewer: ActorCapabilities = { side: 'sender', permissions: ['report.review'] };
  const leader: ActorCapabilities = { side: 'sender', permissions: ['report.review', 'report.approve'] };
  const receiver: ActorCapabilities = { side: 'receiver', permissions: ['report.receive'] };

  it('draft → submitted → reviewed → approved → sent → returned → submitted → approved → sent → accepted → correction_requested → draft of a new version → … → accepted', () => {
    const steps: [ReportAction, ActorCapabilities, { reason?: string }, ReportState, TransitionEffect][] = [
      ['submit', drafter, {}, 'submitted', 'none'],
      ['review', reviewer, {}, 'reviewed', 'none'],
      ['approve', leader, {}, 'approved', 'none'],
      ['send', leader, {}, 'sent', 'none'],
      ['return', receiver, { reason: 'Biểu 01 thiếu số liệu tháng 11' }, 'returned', 'none'],
      ['submit', drafter, {}, 'submitted', 'none'],
      ['approve', leader, {}, 'approved', 'none'],
      ['send', leader, {}, 'sent', 'none'],
      ['accept', receiver, {}, 'accepted', 'none'],
      ['request_correction', leader, { reason: 'Sai số liệu dòng 3' }, 'correction_requested', 'none'],
      ['approve_correction', receiver, {}, 'draft', 'new_version'],
      ['submit', drafter, {}, 'submitted', 'none'],
      ['approve', leader, {}, 'approved', 'none'],
      ['send', leader, {}, 'sent', 'none'],
      ['accept', receiver, {}, 'accepted', 'none'],
    ];
    let state: ReportState = 'draft';
    const visited: ReportState[] = [state];
    for (const [action, caps, input, to, effect] of steps) {
      expect(availableActions(state, caps), `${action} from ${state}`).toContain(action);
      expect(checkTransition(state, action, caps, input)).toEqual({ ok: true, to, effect });
      state = to;
      visited.push(state);
    }
    expect(visited).toEqual([
      'draft',
      'submitted',
      'reviewed',
      'approved',
      'sent',
      'returned',
      'submitted',
      'approved',
      'sent',
      'accepted',
      'correction_requested',
      'draft',
      'submitted',
      'approved',
      'sent',
      'accepted',
    ]);
  });

  it('the drafter cannot approve, the reviewer cannot send, the sender cannot accept its own report', () => {
    expect(checkTransition('submitted', 'approve', drafter, {})).toMatchObject({ code: 'TRANSITION_FORBIDDEN' });
    expect(checkTransition('approved', 'send', reviewer, {})).toMatchObject({ code: 'TRANSITION_FORBIDDEN' });
    expect(checkTransition('sent', 'accept', { side: 'sender', permissions: PERMISSIONS }, {})).toMatchObject({
      code: 'TRANSITION_FORBIDDEN',
    });
  });

  it('a sent or accepted report cannot be edited or sent back', () => {
    for (const state of ['sent', 'accepted', 'correction_requested'] as const) {
      expect(checkTransition(state, 'save', drafter, {})).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
      expect(checkTransition(state, 'send_back', leader, { reason: 'x' })).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    }
  });
});
