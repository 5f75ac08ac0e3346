import type { FigureText } from './text.ts';

/**
 * What the figure chips of one outline show: an external store the editor's node views subscribe
 * to (no React inside the editor), updated by the narrative tab whenever the forms' values change.
 */

export interface FigureDisplay {
  /** The figure as shown in the chip. */
  text: string;
  /** What the chip says on hover. */
  title: string;
  missing: boolean;
}

/** A small external store the node views subscribe to (no React needed inside the editor). */
export interface FigureStore {
  get: (key: string) => FigureDisplay;
  /** The value text for the plain text of a section (null when the figure has none). */
  value: FigureText;
  subscribe: (listener: () => void) => () => void;
  /** Replaces how figures are read (silently: safe during render). */
  set: (value: FigureText, describe: (key: string) => string | null) => void;
  /** Tells every node view to re-read its figure. */
  notify: () => void;
}

export function createFigureStore(): FigureStore {
  let value: FigureText = () => null;
  let describe: (key: string) => string | null = () => null;
  const listeners = new Set<() => void>();
  return {
    get: (key) => {
      const v = value(key);
      const where = describe(key);
      if (where === null) return { text: `{{${key}}}`, title: 'Trích dẫn này không có trong đề cương', missing: true };
      return {
        text: v ?? `[${key}: chưa có số liệu]`,
        title: v === null ? `${where} – chưa có số liệu` : where,
        missing: v === null,
      };
    },
    value: (key) => value(key),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set: (nextValue, nextDescribe) => {
      value = nextValue;
      describe = nextDescribe;
    },
    notify: () => listeners.forEach((l) => l()),
  };
}
