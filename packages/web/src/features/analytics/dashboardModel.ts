import { PERIOD_TYPE_LABELS, type TileSpec } from '@baocao/core';

/** The dashboard editor's pure parts: how a tile reads in the list, and moving tiles. */

/** A tile as a line of the editor: "LD_TAO_VIEC_LAM · TH · Hằng tháng · kế hoạch LD_TAO_VIEC_LAM/KH". */
export function tileSummary(tile: TileSpec, viewName?: string): string {
  if (tile.kind === 'view') return `Khung nhìn: ${viewName ?? 'đã lưu'}`;
  const parts = [tile.indicatorCode, tile.measure, PERIOD_TYPE_LABELS[tile.periodType]];
  if (tile.target) parts.push(`kế hoạch ${tile.target.indicatorCode}/${tile.target.measure}`);
  return parts.join(' · ');
}

/** Moves the item at `from` by `by` places (−1 up, +1 down); out of bounds leaves the list as it is. */
export function moveItem<T>(items: readonly T[], from: number, by: number): T[] {
  const to = from + by;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/**
 * How many of the grid's 24 columns a view tile takes on a wide screen: view tiles next to each
 * other go in pairs, half width each; the odd one left at the end of a run takes the whole row,
 * so that no chart sits beside an empty half.
 */
export function viewTileSpan(tiles: readonly Pick<TileSpec, 'kind'>[], index: number): 12 | 24 {
  let start = index;
  while (start > 0 && tiles[start - 1]?.kind === 'view') start--;
  let end = index;
  while (end + 1 < tiles.length && tiles[end + 1]?.kind === 'view') end++;
  const runLength = end - start + 1;
  return runLength % 2 === 1 && index === end ? 24 : 12;
}
