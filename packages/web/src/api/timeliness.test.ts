import { describe, expect, it } from 'vitest';
import { timelinessSearch } from './timeliness.ts';

describe('timelinessSearch', () => {
  it('repeats unitKinds once per kind, as the server reads a list from the query string', () => {
    const qs = timelinessSearch({ unitKinds: ['commune', 'ward'], from: '2026-01-01', to: '2026-12-31' });
    expect(qs).toBe('?unitKinds=commune&unitKinds=ward&from=2026-01-01&to=2026-12-31');
    expect(new URLSearchParams(qs).getAll('unitKinds')).toEqual(['commune', 'ward']);
  });

  it('leaves out what is not chosen and adds the records paging', () => {
    expect(timelinessSearch({ unitKinds: [] })).toBe('');
    expect(timelinessSearch({ unitKinds: [], regimeId: 'r1' }, { unitId: 'u1', outcome: undefined, page: 2, pageSize: 20 })).toBe(
      '?regimeId=r1&unitId=u1&page=2&pageSize=20',
    );
  });
});
