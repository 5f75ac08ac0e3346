import { describe, expect, it } from 'vitest';
import { FormDecimal } from '@baocao/core';
import { EMPTY_HISTORY, canRedo, canUndo, makeStep, record, redo, undo, type CellChange } from './history.ts';

const d = (v: string) => new FormDecimal(v);
const change = (key: string, before: string | null, after: string | null): CellChange => ({
  key,
  before: before === null ? null : d(before),
  after: after === null ? null : d(after),
});
const shown = (writes: { key: string; value: unknown }[] | undefined) =>
  writes?.map((w) => `${w.key}=${w.value === null ? '' : String(w.value)}`);

describe('edit history', () => {
  it('takes back a 3×2 paste as one step, restoring each cell, and does it again', () => {
    const paste = [
      change('A:KH', null, '1234.5'),
      change('A:TH', '9', '2'),
      change('B:KH', null, '10'),
      change('B:TH', null, '20'),
      change('C:KH', null, '3'),
      change('C:TH', null, '4'),
    ];
    const h = record(record(EMPTY_HISTORY, [change('Z:KH', null, '1')]), paste);
    expect(h.past).toHaveLength(2);

    const back = undo(h)!;
    expect(shown(back.writes)).toEqual(['C:TH=', 'C:KH=', 'B:TH=', 'B:KH=', 'A:TH=9', 'A:KH=']);
    expect(back.history.past).toHaveLength(1);
    expect(canRedo(back.history)).toBe(true);

    const again = redo(back.history)!;
    expect(shown(again.writes)).toEqual(['A:KH=1234.5', 'A:TH=2', 'B:KH=10', 'B:TH=20', 'C:KH=3', 'C:TH=4']);
    expect(again.history.past).toHaveLength(2);
    expect(canRedo(again.history)).toBe(false);
  });

  it('undoes step by step, oldest last, and has nothing more to undo at the start', () => {
    let h = record(EMPTY_HISTORY, [change('A:KH', null, '1')]);
    h = record(h, [change('A:KH', '1', '2')]);
    const first = undo(h)!;
    expect(shown(first.writes)).toEqual(['A:KH=1']);
    const second = undo(first.history)!;
    expect(shown(second.writes)).toEqual(['A:KH=']);
    expect(canUndo(second.history)).toBe(false);
    expect(undo(second.history)).toBeNull();
    expect(redo(EMPTY_HISTORY)).toBeNull();
  });

  it('batches one action: a cell written twice keeps its first value before and its last after; round trips vanish', () => {
    const step = makeStep([change('A:KH', '1', '2'), change('B:KH', null, '5'), change('A:KH', '2', '3'), change('B:KH', '5', null)]);
    expect(step).toEqual([change('A:KH', '1', '3')]);
  });

  it('records nothing for an action that changed nothing (1.0 is 1), and keeps what can be redone', () => {
    const h = record(EMPTY_HISTORY, [change('A:KH', null, '1')]);
    const back = undo(h)!.history;
    expect(record(back, [change('A:KH', '1.0', '1')])).toBe(back);
    expect(record(back, [])).toBe(back);
    expect(canRedo(back)).toBe(true);
  });

  it('forgets what was undone once the user does something new', () => {
    const h = undo(record(EMPTY_HISTORY, [change('A:KH', null, '1')]))!.history;
    const next = record(h, [change('B:KH', null, '2')]);
    expect(canRedo(next)).toBe(false);
    expect(next.past).toHaveLength(1);
  });

  it('keeps the last `limit` steps only', () => {
    let h = EMPTY_HISTORY;
    for (let i = 1; i <= 5; i++) h = record(h, [change('A:KH', String(i - 1), String(i))], 3);
    expect(h.past).toHaveLength(3);
    expect(shown(undo(h)!.writes)).toEqual(['A:KH=4']);
    expect(h.past[0]).toEqual([change('A:KH', '2', '3')]);
  });

  it('handles text, dates and booleans as well as numbers', () => {
    const step = makeStep([
      { key: 'A:GC', before: null, after: 'ghi chú' },
      { key: 'A:NGAY', before: '2026-01-15', after: '2026-01-15' },
      { key: 'A:CO', before: false, after: true },
    ]);
    expect(step.map((c) => c.key)).toEqual(['A:GC', 'A:CO']);
  });
});
