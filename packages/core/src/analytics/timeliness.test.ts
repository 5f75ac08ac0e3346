import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIMELINESS_OUTCOMES, type TimelinessOutcome } from '../api/analytics.ts';
import { rankUnits, timelinessOutcome, timelinessTotals, timelinessTrend, type TimelinessLine } from './timeliness.ts';

const DEADLINE = new Date('2026-01-15T17:00:00+07:00');
const at = (iso: string) => new Date(iso);

describe('timelinessOutcome', () => {
  const base = { status: 'sent' as const, deadlineAt: DEADLINE, now: at('2026-02-01T00:00:00+07:00') };

  it('sent exactly at the deadline (17:00:00.000) is on time', () => {
    expect(timelinessOutcome({ ...base, sentAt: new Date(DEADLINE.getTime()) })).toEqual({ outcome: 'on_time', lateMinutes: 0 });
  });

  it('sent 1 ms after the deadline is late by 0 minutes (floor)', () => {
    expect(timelinessOutcome({ ...base, sentAt: new Date(DEADLINE.getTime() + 1) })).toEqual({ outcome: 'late', lateMinutes: 0 });
  });

  it('sent at 18:30:59 is late by 90 minutes (90 min 59 s floored)', () => {
    expect(timelinessOutcome({ ...base, sentAt: at('2026-01-15T18:30:59+07:00') })).toEqual({ outcome: 'late', lateMinutes: 90 });
  });

  it('sent two days and 5 minutes late: 2 × 1.440 + 5 = 2.885 minutes', () => {
    expect(timelinessOutcome({ ...base, sentAt: at('2026-01-17T17:05:00+07:00') })).toEqual({ outcome: 'late', lateMinutes: 2885 });
  });

  it('not sent, deadline passed → not_sent; not sent, deadline now or later → pending', () => {
    const unsent = { status: 'in_progress' as const, deadlineAt: DEADLINE, sentAt: null };
    expect(timelinessOutcome({ ...unsent, now: new Date(DEADLINE.getTime() + 1) })).toEqual({ outcome: 'not_sent', lateMinutes: 0 });
    expect(timelinessOutcome({ ...unsent, now: DEADLINE })).toEqual({ outcome: 'pending', lateMinutes: 0 });
    expect(timelinessOutcome({ ...unsent, now: at('2026-01-01T00:00:00+07:00') })).toEqual({ outcome: 'pending', lateMinutes: 0 });
  });

  it('cancelled assignments are not counted (null), even when sent', () => {
    expect(timelinessOutcome({ ...base, status: 'cancelled', sentAt: DEADLINE })).toBeNull();
    expect(timelinessOutcome({ ...base, status: 'cancelled', sentAt: null })).toBeNull();
  });
});

let seq = 0;
function line(unitName: string, outcome: TimelinessOutcome, extra: Partial<TimelinessLine> = {}): TimelinessLine {
  seq += 1;
  return {
    unitId: `unit-${unitName}`,
    unitName,
    unitKind: 'commune',
    outcome,
    lateMinutes: 0,
    returnCount: 0,
    corrected: false,
    deadlineAt: new Date(DEADLINE.getTime() + seq),
    ...extra,
  };
}

const lines = (unitName: string, outcomes: TimelinessOutcome[], extra: Partial<TimelinessLine> = {}) =>
  outcomes.map((o) => line(unitName, o, extra));

describe('rankUnits', () => {
  it('counts and rates: 2 on time, 1 late, 1 not sent, 1 pending → due 4, on time 2 / 4 = 50.0, sent 3 / 4 = 75.0', () => {
    const [u] = rankUnits([
      ...lines('Xã An Bình', ['on_time', 'on_time', 'not_sent', 'pending']),
      line('Xã An Bình', 'late', { lateMinutes: 30, returnCount: 2, corrected: true }),
    ]);
    expect(u).toEqual({
      unitId: 'unit-Xã An Bình',
      unitName: 'Xã An Bình',
      unitKind: 'commune',
      due: 4,
      onTime: 2,
      late: 1,
      notSent: 1,
      pending: 1,
      returned: 2,
      corrected: 1,
      onTimeRate: '50.0',
      sentRate: '75.0',
      averageLateMinutes: 30,
      rank: 1,
    });
  });

  it('rates have one decimal, half up: 2 / 3 = 66,666… → "66.7", 1 / 3 → "33.3", 7 / 8 = 87,5 → "87.5", 3 / 3 → "100.0", 0 / 2 → "0.0"', () => {
    const rate = (outcomes: TimelinessOutcome[]) => rankUnits(lines('X', outcomes))[0]!.onTimeRate;
    expect(rate(['on_time', 'on_time', 'late'])).toBe('66.7');
    expect(rate(['on_time', 'late', 'late'])).toBe('33.3');
    expect(rate([...Array<TimelinessOutcome>(7).fill('on_time'), 'not_sent'])).toBe('87.5');
    expect(rate(['on_time', 'on_time', 'on_time'])).toBe('100.0');
    expect(rate(['not_sent', 'not_sent'])).toBe('0.0');
  });

  it('1 / 8 = 12,5 % rounds half up to "12.5"; 1 / 16 = 6,25 % → "6.3"', () => {
    const rate = (due: number) => rankUnits(lines('X', ['on_time', ...Array<TimelinessOutcome>(due - 1).fill('not_sent')]))[0]!.onTimeRate;
    expect(rate(8)).toBe('12.5');
    expect(rate(16)).toBe('6.3');
  });

  it('average lateness is floored: (10 + 15) / 2 = 12,5 → 12 minutes; no late sending → null', () => {
    const [late] = rankUnits([line('X', 'late', { lateMinutes: 10 }), line('X', 'late', { lateMinutes: 15 })]);
    expect(late!.averageLateMinutes).toBe(12);
    expect(rankUnits(lines('Y', ['on_time']))[0]!.averageLateMinutes).toBeNull();
  });

  it('ties share a rank and the next rank skips: 100 %, 50 %, 50 %, 0 % → 1, 2, 2, 4', () => {
    const ranked = rankUnits([
      ...lines('Xã Dương', ['not_sent', 'not_sent']),
      ...lines('Xã Bình', ['on_time', 'not_sent']),
      ...lines('Xã Cẩm', ['not_sent', 'on_time']),
      ...lines('Xã An', ['on_time', 'on_time']),
    ]);
    expect(ranked.map((u) => [u.unitName, u.onTimeRate, u.rank])).toEqual([
      ['Xã An', '100.0', 1],
      ['Xã Bình', '50.0', 2],
      ['Xã Cẩm', '50.0', 2],
      ['Xã Dương', '0.0', 4],
    ]);
  });

  it('tie-breakers in order: on-time rate, then sent rate, then average lateness (none = 0), then returns', () => {
    const ranked = rankUnits([
      // All four at 50 % on time.
      ...lines('E', ['on_time', 'not_sent']), // sent 50 %
      ...[line('D', 'on_time'), line('D', 'late', { lateMinutes: 60 })], // sent 100 %, 60 min
      ...[line('C', 'on_time'), line('C', 'late', { lateMinutes: 5, returnCount: 3 })], // sent 100 %, 5 min, 3 returns
      ...[line('B', 'on_time'), line('B', 'late', { lateMinutes: 5, returnCount: 1 })], // sent 100 %, 5 min, 1 return
      ...lines('A', ['on_time', 'on_time', 'on_time', 'on_time', 'not_sent']), // 80 % on time
    ]);
    expect(ranked.map((u) => `${u.unitName}:${u.rank}`)).toEqual(['A:1', 'B:2', 'C:3', 'D:4', 'E:5']);
  });

  it('units with nothing due (only pending) come last with rank null, in Vietnamese name order (D, Đ, E)', () => {
    const ranked = rankUnits([
      ...lines('Xã Em', ['pending']),
      ...lines('Xã Đông', ['pending']),
      ...lines('Xã Dinh', ['pending', 'pending']),
      ...lines('Xã Zeta', ['not_sent']),
    ]);
    expect(ranked.map((u) => [u.unitName, u.due, u.onTimeRate, u.sentRate, u.rank])).toEqual([
      ['Xã Zeta', 1, '0.0', '0.0', 1],
      ['Xã Dinh', 0, null, null, null],
      ['Xã Đông', 0, null, null, null],
      ['Xã Em', 0, null, null, null],
    ]);
  });

  it('Σ per-unit due equals the totals’ due, and every count adds up the same way', () => {
    const arbLine = fc.record({
      unitName: fc.constantFrom('Xã A', 'Xã B', 'Xã C', 'Phường Đ'),
      outcome: fc.constantFrom(...TIMELINESS_OUTCOMES),
      lateMinutes: fc.nat({ max: 10_000 }),
      returnCount: fc.nat({ max: 3 }),
      corrected: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbLine, { maxLength: 60 }), (specs) => {
        const all = specs.map((s) => line(s.unitName, s.outcome, { ...s, lateMinutes: s.outcome === 'late' ? s.lateMinutes : 0 }));
        const units = rankUnits(all);
        const totals = timelinessTotals(all);
        for (const field of ['due', 'onTime', 'late', 'notSent', 'pending', 'returned', 'corrected'] as const) {
          expect(units.reduce((s, u) => s + u[field], 0)).toBe(totals[field]);
        }
        expect(totals.due + totals.pending).toBe(all.length);
        // Competition ranking: ranks never decrease and the first unit of rank r is the r-th unit.
        const ranks = units.flatMap((u) => (u.rank === null ? [] : [u.rank]));
        ranks.forEach((r, i) => {
          expect(ranks.indexOf(r)).toBe(r - 1);
          if (i > 0) expect(r).toBeGreaterThanOrEqual(ranks[i - 1]!);
        });
        expect(units.filter((u) => u.rank === null).every((u) => u.due === 0)).toBe(true);
      }),
    );
  });
});

describe('timelinessTotals', () => {
  it('totals over all units: on time 3 / due 5 = 60.0, sent 4 / 5 = 80.0, lateness of the one late line 45', () => {
    const totals = timelinessTotals([
      ...lines('A', ['on_time', 'on_time', 'not_sent', 'pending']),
      ...lines('B', ['on_time']),
      line('B', 'late', { lateMinutes: 45, corrected: true, returnCount: 1 }),
    ]);
    expect(totals).toEqual({
      due: 5,
      onTime: 3,
      late: 1,
      notSent: 1,
      pending: 1,
      returned: 1,
      corrected: 1,
      onTimeRate: '60.0',
      sentRate: '80.0',
      averageLateMinutes: 45,
    });
  });

  it('no lines: zero counts, null rates', () => {
    expect(timelinessTotals([])).toMatchObject({ due: 0, onTimeRate: null, sentRate: null, averageLateMinutes: null });
  });
});

describe('timelinessTrend', () => {
  it('months of the deadline in Vietnam time, ascending: 31/01 23:30 (UTC 16:30) is January, 01/02 00:30 (UTC 31/01 17:30) is February', () => {
    const trend = timelinessTrend([
      line('A', 'on_time', { deadlineAt: at('2026-03-10T17:00:00+07:00') }),
      line('A', 'on_time', { deadlineAt: at('2026-01-31T23:30:00+07:00') }),
      line('A', 'late', { deadlineAt: at('2026-01-15T17:00:00+07:00') }),
      line('B', 'not_sent', { deadlineAt: at('2026-02-01T00:30:00+07:00') }),
      line('B', 'on_time', { deadlineAt: at('2026-02-20T17:00:00+07:00') }),
      line('B', 'pending', { deadlineAt: at('2026-05-20T17:00:00+07:00') }),
    ]);
    expect(trend).toEqual([
      { month: '2026-01', due: 2, onTime: 1, onTimeRate: '50.0' },
      { month: '2026-02', due: 2, onTime: 1, onTimeRate: '50.0' },
      { month: '2026-03', due: 1, onTime: 1, onTimeRate: '100.0' },
      { month: '2026-05', due: 0, onTime: 0, onTimeRate: null },
    ]);
  });
});
