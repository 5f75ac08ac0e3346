import type { FormLayout } from '@baocao/core';

/** Layout of a form on screen and on paper: part of the form definition (core's formLayout). */
export type GridLayout = FormLayout;

export const DEFAULT_LAYOUT: GridLayout = { widths: {}, frozen: 0, orientation: 'landscape' };

export const STT_WIDTH = 56;
export const UNIT_WIDTH = 96;
export const NAME_WIDTH = 320;
export const DATA_WIDTH = 130;
export const ROW_HEIGHT = 34;

export function nameWidth(layout: GridLayout): number {
  return layout.widths.__name ?? NAME_WIDTH;
}

export function columnWidth(layout: GridLayout, code: string): number {
  return layout.widths[code] ?? DATA_WIDTH;
}
