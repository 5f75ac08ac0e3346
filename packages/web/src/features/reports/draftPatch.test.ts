import { describe, expect, it } from 'vitest';
import { type ReportData, type ReportDataPatch, applyReportPatch } from '@baocao/core';
import {
  draftStorageKey,
  effectivePatch,
  explanationPatch,
  isEmptyPatch,
  mergePatches,
  narrativePatch,
  notePatch,
  recordsPatch,
  patchSize,
  readLocalDraft,
  removeLocalDraft,
  restoreOffer,
  sameContent,
  settlePatch,
  valuesPatch,
  writeLocalDraft,
  type DraftStorage,
  type LocalDraft,
} from './draftPatch.ts';

const F = 'form-1';
const G = 'form-2';
const O = 'outline-1';
const section = (text: string) => ({ doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }, text });

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const data: ReportData = {
  forms: { [F]: { values: { 'R1:C1': '100', 'R2:C1': '5.5' }, notes: {}, explanations: { 'w|R1:C1': 'Do mưa bão' } } },
  narrative: { [O]: { s1: section('Tình hình chung') } },
  attachments: [],
};

describe('mergePatches', () => {
  it('lets the later edit of a cell win, keeps the other cells, and keeps forms apart', () => {
    const a = mergePatches(valuesPatch(F, { 'R1:C1': '1', 'R2:C1': '2' }), valuesPatch(G, { 'X:Y': 'a' }));
    const b = mergePatches(a, valuesPatch(F, { 'R1:C1': '10', 'R3:C1': null }));
    expect(b).toEqual({
      forms: { [F]: { values: { 'R1:C1': '10', 'R2:C1': '2', 'R3:C1': null } }, [G]: { values: { 'X:Y': 'a' } } },
    });
    expect(patchSize(b)).toBe(4);
  });

  it('keeps a removal (null) of an explanation and of a narrative section as a change', () => {
    const p = mergePatches(explanationPatch(F, 'w|R1:C1', 'Lý do'), explanationPatch(F, 'w|R1:C1', '  '));
    expect(p.forms?.[F]?.explanations).toEqual({ 'w|R1:C1': null });
    const n = mergePatches(narrativePatch(O, 's1', section('a')), narrativePatch(O, 's1', null));
    expect(n.narrative?.[O]).toEqual({ s1: null });
  });

  it("replaces a list form's records as a whole with the later ones", () => {
    const a: ReportDataPatch = { forms: { [F]: { records: [{ TEN: 'A' }, { TEN: 'B' }] } } };
    const b: ReportDataPatch = { forms: { [F]: { records: [{ TEN: 'C' }] } } };
    expect(mergePatches(a, b).forms?.[F]?.records).toEqual([{ TEN: 'C' }]);
    expect(mergePatches(b, valuesPatch(F, { 'R1:C1': '1' })).forms?.[F]?.records).toEqual([{ TEN: 'C' }]);
  });

  it('gives the same data as applying the patches one after the other', () => {
    const p1 = mergePatches(valuesPatch(F, { 'R1:C1': '7', 'R2:C1': null }), narrativePatch(O, 's2', section('Khó khăn')));
    const p2 = mergePatches(valuesPatch(F, { 'R1:C1': '8' }), explanationPatch(F, 'w|R1:C1', ''));
    const stepByStep = applyReportPatch(applyReportPatch(data, p1), p2);
    expect(applyReportPatch(data, mergePatches(p1, p2))).toEqual(stepByStep);
  });
});

describe('settlePatch', () => {
  it('drops what the save carried and keeps a cell changed again while the save was on its way', () => {
    const sent = mergePatches(valuesPatch(F, { 'R1:C1': '1', 'R2:C1': '2' }), narrativePatch(O, 's1', section('x')));
    const pending = mergePatches(sent, valuesPatch(F, { 'R2:C1': '3', 'R4:C1': '4' }));
    expect(settlePatch(pending, sent)).toEqual({ forms: { [F]: { values: { 'R2:C1': '3', 'R4:C1': '4' } } } });
    expect(isEmptyPatch(settlePatch(sent, sent))).toBe(true);
  });

  it('keeps a narrative section rewritten after the save started, drops one sent unchanged (even as a new object)', () => {
    const sent = mergePatches(narrativePatch(O, 's1', section('a')), narrativePatch(O, 's2', section('b')));
    const pending = mergePatches(mergePatches(sent, narrativePatch(O, 's1', section('a2'))), narrativePatch(O, 's2', section('b')));
    expect(settlePatch(pending, sent)).toEqual({ narrative: { [O]: { s1: section('a2') } } });
  });
});

describe('effectivePatch', () => {
  it('drops what the data already holds: equal decimals, empty cells, same explanation and section', () => {
    const p = mergePatches(
      valuesPatch(F, { 'R1:C1': '100.0', 'R2:C1': '6', 'R9:C1': null }),
      mergePatches(explanationPatch(F, 'w|R1:C1', 'Do mưa bão'), narrativePatch(O, 's1', section('Tình hình chung'))),
    );
    expect(effectivePatch(data, p)).toEqual({ forms: { [F]: { values: { 'R2:C1': '6' } } } });
  });
});

describe('sameContent', () => {
  it('ignores key order and attachments, sees a changed cell', () => {
    const reordered: ReportData = {
      forms: { [F]: { explanations: { 'w|R1:C1': 'Do mưa bão' }, notes: {}, values: { 'R2:C1': '5.5', 'R1:C1': '100' } } },
      narrative: data.narrative,
      attachments: [
        {
          id: '00000000-0000-4000-8000-000000000001',
          fileName: 'a.pdf',
          contentType: 'application/pdf',
          size: 1,
          sha256: 'a'.repeat(64),
          uploadedAt: '2026-01-01T00:00:00Z',
          uploadedBy: null,
        },
      ],
    };
    expect(sameContent(data, reordered)).toBe(true);
    expect(sameContent(data, applyReportPatch(data, valuesPatch(F, { 'R1:C1': '101' })))).toBe(false);
  });
});

describe('local copy of unsaved edits', () => {
  const draft: LocalDraft = {
    reportId: 'r-1',
    versionNo: 2,
    revision: 7,
    patch: mergePatches(valuesPatch(F, { 'R1:C1': '250', 'R2:C1': null }), narrativePatch(O, 's1', section('Mới'))),
    updatedAt: '2026-12-10T03:42:00.000Z',
  };

  it('round-trips through storage under a key of the report and its version', () => {
    const storage = memoryStorage();
    expect(writeLocalDraft(storage, draft)).toBe(true);
    expect([...storage.map.keys()]).toEqual([draftStorageKey('r-1', 2)]);
    expect(readLocalDraft(storage, 'r-1', 2)).toEqual(draft);
    // Another version of the same report has its own copy.
    expect(readLocalDraft(storage, 'r-1', 1)).toBeNull();
    removeLocalDraft(storage, 'r-1', 2);
    expect(readLocalDraft(storage, 'r-1', 2)).toBeNull();
  });

  it('removes the copy when nothing is pending any more', () => {
    const storage = memoryStorage();
    writeLocalDraft(storage, draft);
    writeLocalDraft(storage, { ...draft, patch: {} });
    expect(storage.map.size).toBe(0);
  });

  it('drops unreadable or tampered copies instead of sending them', () => {
    const storage = memoryStorage();
    const key = draftStorageKey('r-1', 2);
    storage.setItem(key, '{not json');
    expect(readLocalDraft(storage, 'r-1', 2)).toBeNull();
    storage.setItem(key, JSON.stringify({ ...draft, patch: { forms: { [F]: { values: { 'R1:C1': 12 } } } } }));
    expect(readLocalDraft(storage, 'r-1', 2)).toBeNull();
    storage.setItem(key, JSON.stringify({ ...draft, reportId: 'r-2' }));
    expect(readLocalDraft(storage, 'r-1', 2)).toBeNull();
  });

  it('survives a browser that refuses to store (quota, private mode)', () => {
    const full: DraftStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(writeLocalDraft(full, draft)).toBe(false);
    expect(readLocalDraft(full, 'r-1', 2)).toBeNull();
    expect(writeLocalDraft(null, draft)).toBe(false);
  });

  it('offers to restore only the edits that still change the report, and says when it was saved since', () => {
    const offer = restoreOffer(draft, { revision: 7, data });
    expect(offer).toMatchObject({ count: 3, stale: false });
    const saved = applyReportPatch(data, draft.patch);
    expect(restoreOffer(draft, { revision: 8, data: saved })).toBeNull();
    const partly = applyReportPatch(data, valuesPatch(F, { 'R1:C1': '250' }));
    expect(restoreOffer(draft, { revision: 8, data: partly })).toMatchObject({ count: 2, stale: true });
    expect(restoreOffer(null, { revision: 7, data })).toBeNull();
  });
});

describe('notePatch', () => {
  it("writes the consolidator's note on a cell through the ordinary save path, and removes a blank one", () => {
    const data: ReportData = { forms: {}, narrative: {}, attachments: [] };
    const noted = applyReportPatch(data, notePatch(F, 'DS:KN', 'Bổ sung thôn mới sáp nhập'));
    expect(noted.forms[F]!.notes).toEqual({ 'DS:KN': 'Bổ sung thôn mới sáp nhập' });
    expect(notePatch(F, 'DS:KN', '  ')).toEqual({ forms: { [F]: { notes: { 'DS:KN': null } } } });
    expect(applyReportPatch(noted, notePatch(F, 'DS:KN', ''))).toEqual(data);
  });

  it('merges with the values typed before it, the later note winning, and counts as one change', () => {
    const merged = mergePatches(
      mergePatches(valuesPatch(F, { 'DS:KN': '35' }), notePatch(F, 'DS:KN', 'Lý do 1')),
      notePatch(F, 'DS:KN', 'Lý do 2'),
    );
    expect(merged).toEqual({ forms: { [F]: { values: { 'DS:KN': '35' }, notes: { 'DS:KN': 'Lý do 2' } } } });
    expect(patchSize(notePatch(F, 'DS:KN', 'x'))).toBe(1);
  });
});

describe('recordsPatch', () => {
  it("replaces a list form's records as a whole, the later edit winning, and settles once saved", () => {
    const first = recordsPatch(F, [{ TEN: 'A' }]);
    const second = recordsPatch(F, [{ TEN: 'A' }, { TEN: 'B', VON: '10' }]);
    const merged = mergePatches(first, second);
    expect(merged).toEqual({ forms: { [F]: { records: [{ TEN: 'A' }, { TEN: 'B', VON: '10' }] } } });
    expect(settlePatch(merged, second)).toEqual({});
    expect(settlePatch(merged, first)).toEqual(merged);
    const data: ReportData = { forms: {}, narrative: {}, attachments: [] };
    expect(applyReportPatch(data, recordsPatch(F, [])).forms[F]!.records).toEqual([]);
  });
});
