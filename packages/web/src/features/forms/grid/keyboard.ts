/** Keyboard movement in the entry grid, as in a spreadsheet. Pure: easy to test. */
export interface GridPos {
  r: number;
  c: number;
}

export type Move =
  'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'top' | 'bottom' | 'first' | 'last' | 'pageUp' | 'pageDown' | 'next' | 'prev';

export function moveFor(e: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): Move | null {
  const ctrl = e.ctrlKey || e.metaKey;
  switch (e.key) {
    case 'ArrowUp':
      return ctrl ? 'top' : 'up';
    case 'ArrowDown':
      return ctrl ? 'bottom' : 'down';
    case 'ArrowLeft':
      return ctrl ? 'home' : 'left';
    case 'ArrowRight':
      return ctrl ? 'end' : 'right';
    case 'Home':
      return ctrl ? 'first' : 'home';
    case 'End':
      return ctrl ? 'last' : 'end';
    case 'PageUp':
      return 'pageUp';
    case 'PageDown':
      return 'pageDown';
    case 'Tab':
      return e.shiftKey ? 'prev' : 'next';
    default:
      return null;
  }
}

/** The next position; Tab wraps to the next row like a spreadsheet; Ctrl+Home/End go to the first/last cell. */
export function move(pos: GridPos, m: Move, rows: number, cols: number, page = 15): GridPos {
  const clampR = (r: number) => Math.max(0, Math.min(rows - 1, r));
  const clampC = (c: number) => Math.max(0, Math.min(cols - 1, c));
  switch (m) {
    case 'up':
      return { r: clampR(pos.r - 1), c: pos.c };
    case 'down':
      return { r: clampR(pos.r + 1), c: pos.c };
    case 'left':
      return { r: pos.r, c: clampC(pos.c - 1) };
    case 'right':
      return { r: pos.r, c: clampC(pos.c + 1) };
    case 'home':
      return { r: pos.r, c: 0 };
    case 'end':
      return { r: pos.r, c: cols - 1 };
    case 'top':
      return { r: 0, c: pos.c };
    case 'bottom':
      return { r: rows - 1, c: pos.c };
    case 'first':
      return { r: 0, c: 0 };
    case 'last':
      return { r: rows - 1, c: cols - 1 };
    case 'pageUp':
      return { r: clampR(pos.r - page), c: pos.c };
    case 'pageDown':
      return { r: clampR(pos.r + page), c: pos.c };
    case 'next':
      if (pos.c < cols - 1) return { r: pos.r, c: pos.c + 1 };
      return pos.r < rows - 1 ? { r: pos.r + 1, c: 0 } : pos;
    case 'prev':
      if (pos.c > 0) return { r: pos.r, c: pos.c - 1 };
      return pos.r > 0 ? { r: pos.r - 1, c: cols - 1 } : pos;
  }
}

/** A key that starts editing by replacing the cell's content (a printable character). */
export function startsTyping(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
}
