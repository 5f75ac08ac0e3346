import { describe, expect, it } from 'vitest';
import { move, moveFor } from './keyboard.ts';
import {
  boundingRect,
  cellsOf,
  clampSelection,
  collapse,
  contains,
  extend,
  extendTo,
  isSingleCell,
  rectOf,
  rectSize,
  selectAll,
  selectRect,
} from './selection.ts';

const key = (k: string, mods: { shiftKey?: boolean; ctrlKey?: boolean } = {}) => ({
  key: k,
  shiftKey: mods.shiftKey ?? false,
  ctrlKey: mods.ctrlKey ?? false,
  metaKey: false,
});

describe('range selection', () => {
  it('normalises a rectangle whichever corner the user started from', () => {
    const rect = { top: 1, left: 2, bottom: 4, right: 5 };
    expect(rectOf({ active: { r: 4, c: 5 }, anchor: { r: 4, c: 5 }, focus: { r: 1, c: 2 } })).toEqual(rect);
    expect(rectOf({ active: { r: 1, c: 5 }, anchor: { r: 1, c: 5 }, focus: { r: 4, c: 2 } })).toEqual(rect);
    expect(rectSize(rect)).toEqual({ rows: 4, cols: 4 });
    expect(isSingleCell(rectOf(collapse({ r: 3, c: 3 })))).toBe(true);
  });

  it('extends with Shift+arrows from the active cell, which stays where typing goes', () => {
    let sel = collapse({ r: 2, c: 2 });
    sel = extend(sel, 'right', 10, 6);
    sel = extend(sel, 'right', 10, 6);
    sel = extend(sel, 'down', 10, 6);
    expect(rectOf(sel)).toEqual({ top: 2, left: 2, bottom: 3, right: 4 });
    expect(sel.active).toEqual({ r: 2, c: 2 });
    // Back past the anchor: the rectangle flips to the other side.
    sel = extend(extend(extend(sel, 'up', 10, 6), 'up', 10, 6), 'left', 10, 6);
    expect(rectOf(sel)).toEqual({ top: 1, left: 2, bottom: 2, right: 3 });
  });

  it('stops at the edges of the form, and Shift+Ctrl+End / Shift+PageDown extend far', () => {
    let sel = collapse({ r: 0, c: 0 });
    sel = extend(sel, 'left', 10, 6);
    sel = extend(sel, 'up', 10, 6);
    expect(rectOf(sel)).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
    expect(rectOf(extend(sel, 'last', 10, 6))).toEqual({ top: 0, left: 0, bottom: 9, right: 5 });
    expect(rectOf(extend(sel, 'pageDown', 10, 6, 4))).toEqual({ top: 0, left: 0, bottom: 4, right: 0 });
  });

  it('extends to a Shift+clicked or dragged-over cell', () => {
    const sel = extendTo(collapse({ r: 5, c: 1 }), { r: 2, c: 4 });
    expect(rectOf(sel)).toEqual({ top: 2, left: 1, bottom: 5, right: 4 });
    expect(contains(rectOf(sel), { r: 3, c: 3 })).toBe(true);
    expect(contains(rectOf(sel), { r: 6, c: 3 })).toBe(false);
  });

  it('selects all with Ctrl+A, keeping the active cell', () => {
    const all = selectAll(collapse({ r: 3, c: 2 }), 2000, 10);
    expect(rectOf(all)).toEqual({ top: 0, left: 0, bottom: 1999, right: 9 });
    expect(all.active).toEqual({ r: 3, c: 2 });
    expect(selectAll(null, 4, 3).active).toEqual({ r: 0, c: 0 });
  });

  it('selects what a paste or an undo touched, the active cell at its top-left', () => {
    const rect = boundingRect([
      { r: 4, c: 1 },
      { r: 2, c: 3 },
      { r: 3, c: 2 },
    ])!;
    expect(rect).toEqual({ top: 2, left: 1, bottom: 4, right: 3 });
    expect(selectRect(rect).active).toEqual({ r: 2, c: 1 });
    expect(boundingRect([])).toBeNull();
    expect([...cellsOf(rect)]).toHaveLength(9);
  });

  it('stays inside a form that lost rows or columns in the designer', () => {
    const sel = extendTo(collapse({ r: 8, c: 5 }), { r: 2, c: 1 });
    expect(clampSelection(sel, 5, 3)).toEqual({ active: { r: 4, c: 2 }, anchor: { r: 4, c: 2 }, focus: { r: 2, c: 1 } });
    expect(clampSelection(sel, 10, 6)).toBe(sel);
    expect(clampSelection(sel, 0, 6)).toBeNull();
  });
});

describe('keyboard moves', () => {
  it('reads Ctrl+Home/End as the first/last cell and Ctrl+arrows as the edges, like Excel', () => {
    expect(moveFor(key('Home', { ctrlKey: true }))).toBe('first');
    expect(moveFor(key('End', { ctrlKey: true }))).toBe('last');
    expect(moveFor(key('Home'))).toBe('home');
    expect(moveFor(key('ArrowDown', { ctrlKey: true }))).toBe('bottom');
    expect(moveFor(key('Tab', { shiftKey: true }))).toBe('prev');
    expect(moveFor(key('a'))).toBeNull();
    expect(move({ r: 5, c: 3 }, 'first', 10, 6)).toEqual({ r: 0, c: 0 });
    expect(move({ r: 5, c: 3 }, 'last', 10, 6)).toEqual({ r: 9, c: 5 });
  });

  it('wraps Tab to the next row and Shift+Tab to the previous one', () => {
    expect(move({ r: 1, c: 5 }, 'next', 10, 6)).toEqual({ r: 2, c: 0 });
    expect(move({ r: 1, c: 0 }, 'prev', 10, 6)).toEqual({ r: 0, c: 5 });
    expect(move({ r: 9, c: 5 }, 'next', 10, 6)).toEqual({ r: 9, c: 5 });
  });
});
