import { describe, expect, it } from 'vitest';
import type { TileSpec } from '@baocao/core';
import { moveItem, tileSummary, viewTileSpan } from './dashboardModel.ts';

describe('moveItem', () => {
  it('moves a tile up and down by one place: [a,b,c] b up → [b,a,c], b down → [a,c,b]', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
  });

  it('leaves the list as it is past either end, without changing the original', () => {
    const list = ['a', 'b', 'c'];
    expect(moveItem(list, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(list, 2, 1)).toEqual(['a', 'b', 'c']);
    expect(list).toEqual(['a', 'b', 'c']);
  });
});

describe('tileSummary', () => {
  it('reads a KPI tile as indicator · measure · period type · target', () => {
    const tile: TileSpec = {
      kind: 'kpi',
      title: 'Lao động',
      indicatorCode: 'LD_TAO_VIEC_LAM',
      measure: 'TH',
      periodType: 'month',
      target: { indicatorCode: 'LD_TAO_VIEC_LAM', measure: 'KH' },
    };
    expect(tileSummary(tile)).toBe('LD_TAO_VIEC_LAM · TH · Hằng tháng · kế hoạch LD_TAO_VIEC_LAM/KH');
    expect(tileSummary({ ...tile, target: null })).toBe('LD_TAO_VIEC_LAM · TH · Hằng tháng');
  });

  it('reads a view tile by the view’s name', () => {
    const tile: TileSpec = { kind: 'view', title: 'Biểu đồ', viewId: '00000000-0000-4000-8000-000000000001' };
    expect(tileSummary(tile, 'Lao động theo tháng')).toBe('Khung nhìn: Lao động theo tháng');
    expect(tileSummary(tile)).toBe('Khung nhìn: đã lưu');
  });
});

describe('viewTileSpan', () => {
  const kinds = (s: string) => [...s].map((c) => ({ kind: c === 'v' ? ('view' as const) : ('kpi' as const) }));

  it('gives a lone view tile the whole row: k k k k v → 24', () => {
    expect(viewTileSpan(kinds('kkkkv'), 4)).toBe(24);
  });

  it('pairs view tiles side by side and widens the odd one out: v v v → 12, 12, 24', () => {
    const tiles = kinds('kvvvk');
    expect([1, 2, 3].map((i) => viewTileSpan(tiles, i))).toEqual([12, 12, 24]);
  });

  it('keeps two view tiles on one row: v v → 12, 12', () => {
    expect([0, 1].map((i) => viewTileSpan(kinds('vv'), i))).toEqual([12, 12]);
  });
});
