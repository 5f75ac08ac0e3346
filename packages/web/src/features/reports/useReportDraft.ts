import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReportData, type ReportDataPatch, type ReportDetail, applyReportPatch } from '@baocao/core';
import { ApiError, errorMessage } from '../../api/client.ts';
import { fetchReport, reportDetailKey, saveReportData } from '../../api/reports.ts';
import {
  isEmptyPatch,
  mergePatches,
  patchSize,
  readLocalDraft,
  restoreOffer,
  sameContent,
  settlePatch,
  writeLocalDraft,
  type DraftStorage,
} from './draftPatch.ts';
import { problemsOf } from './format.ts';
import { retryDelay, type SaveStatus } from './saveStatus.ts';

/**
 * The editable data of a report and its autosave, so that nothing typed is ever lost:
 * - every edit is merged into one pending patch, mirrored at once to localStorage (by report and
 *   version), and sent 1.5 s after the last edit, and at once when the window loses focus or is
 *   hidden and when the page is left;
 * - a save carries the revision it was made on; the server refuses a stale one (REPORT_STALE) and
 *   the user chooses between re-applying their edits on the latest version and dropping them;
 * - when the network fails the edits stay in the browser and are retried; when the page opens
 *   with a kept copy, restoring it is offered.
 * The grid's initial values come from `data`; `generation` changes whenever the data under the
 * grid was replaced (a restore, a reload), to remount it.
 */
export interface ReportDraft {
  /** The data as the user sees it: the saved version with the pending edits on top. */
  data: ReportData;
  /** The saved version the pending edits apply to. */
  base: ReportData;
  pending: ReportDataPatch;
  pendingCount: number;
  revision: number;
  status: SaveStatus;
  lastSavedAt: string | null;
  generation: number;
  /** A kept copy of edits not saved last time, until the user restores or drops it. */
  offer: { count: number; stale: boolean; updatedAt: string } | null;
  change: (patch: ReportDataPatch) => void;
  /** Saves what is pending now; true when nothing is left unsaved. */
  flush: () => Promise<boolean>;
  restore: () => void;
  dropOffer: () => void;
  /** After a conflict: load the latest version and save the pending edits on top of it. */
  reapplyOnLatest: () => Promise<void>;
  /** After a conflict: drop the pending edits and load the latest version. */
  discardMine: () => Promise<void>;
  /** The server changed the version on the user's behalf (an attachment): take its data, keep the edits. */
  rebase: () => Promise<void>;
}

const AUTOSAVE_DELAY = 1500;

function browserStorage(): DraftStorage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

interface Base {
  versionNo: number;
  revision: number;
  data: ReportData;
}

const baseOf = (d: ReportDetail): Base => ({ versionNo: d.version.versionNo, revision: d.version.revision, data: d.version.data });

const isTransient = (e: unknown) =>
  !(e instanceof ApiError) || e.code === 'NETWORK_ERROR' || e.status >= 500 || e.code === 'RATE_LIMITED' || e.status === 0;

function stopTimer(ref: { current: ReturnType<typeof setTimeout> | null }): void {
  if (ref.current) clearTimeout(ref.current);
  ref.current = null;
}

/** Whether an automatic save may go now: not while the user must first settle a conflict, or the report is locked. */
const autosaveAllowed = (s: SaveStatus) => s.kind !== 'conflict' && s.kind !== 'locked';

export function useReportDraft(detail: ReportDetail): ReportDraft {
  const queryClient = useQueryClient();
  const reportId = detail.id;
  const storage = useMemo(browserStorage, []);

  const [base, setBaseState] = useState<Base>(() => baseOf(detail));
  const [pending, setPendingState] = useState<ReportDataPatch>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [lastSavedAt, setLastSavedAt] = useState<string | null>(detail.version.updatedAt);
  const [generation, setGeneration] = useState(0);
  const [offer, setOffer] = useState(() =>
    restoreOffer(readLocalDraft(storage, reportId, detail.version.versionNo), {
      revision: detail.version.revision,
      data: detail.version.data,
    }),
  );

  const baseRef = useRef(base);
  const pendingRef = useRef(pending);
  const offerRef = useRef(offer);
  const statusRef = useRef(status);
  const savingRef = useRef<Promise<boolean> | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryRef = useRef<{ timer: ReturnType<typeof setTimeout> | null; attempt: number }>({ timer: null, attempt: 0 });
  const editableRef = useRef(detail.editable);
  editableRef.current = detail.editable;

  const setBase = (b: Base) => {
    baseRef.current = b;
    setBaseState(b);
  };
  const setStatusBoth = (s: SaveStatus) => {
    statusRef.current = s;
    setStatus(s);
  };

  /** The browser's copy: the pending edits, and a copy still offered for restoring (so closing the tab again loses neither). */
  const persist = useCallback(
    (next: ReportDataPatch) => {
      const kept = offerRef.current ? mergePatches(offerRef.current.patch, next) : next;
      writeLocalDraft(storage, {
        reportId,
        versionNo: baseRef.current.versionNo,
        revision: baseRef.current.revision,
        patch: kept,
        updatedAt: new Date().toISOString(),
      });
    },
    [storage, reportId],
  );

  const setPending = useCallback(
    (next: ReportDataPatch) => {
      pendingRef.current = next;
      setPendingState(next);
      persist(next);
    },
    [persist],
  );

  /** Puts the saved data into the query cache too, so every part of the page reads the same revision. */
  const publish = useCallback(
    (b: Base, extra: Partial<ReportDetail['version']> = {}) => {
      queryClient.setQueryData<ReportDetail>(reportDetailKey(reportId), (d) =>
        d && d.version.versionNo === b.versionNo ? { ...d, version: { ...d.version, revision: b.revision, data: b.data, ...extra } } : d,
      );
    },
    [queryClient, reportId],
  );

  const saveRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));

  const scheduleRetry = () => {
    const r = retryRef.current;
    if (r.timer) clearTimeout(r.timer);
    r.timer = setTimeout(() => {
      r.timer = null;
      void saveRef.current();
    }, retryDelay(r.attempt));
    r.attempt += 1;
  };

  const latest = useCallback(() => fetchReport(queryClient, reportId), [queryClient, reportId]);

  /** A stale save: when only attachments changed meanwhile (the user's own upload), retry on the new revision; otherwise ask. */
  const onStale = async (): Promise<boolean> => {
    let server: ReportDetail;
    try {
      server = await latest();
    } catch {
      setStatusBoth({ kind: 'conflict', by: null });
      return false;
    }
    if (server.version.versionNo === baseRef.current.versionNo && sameContent(server.version.data, baseRef.current.data)) {
      setBase(baseOf(server));
      return saveRef.current();
    }
    setStatusBoth({ kind: 'conflict', by: server.version.updatedBy });
    return false;
  };

  const saveOnce = async (): Promise<boolean> => {
    const sent = pendingRef.current;
    if (isEmptyPatch(sent)) return true;
    stopTimer(timerRef);
    setStatusBoth({ kind: 'saving' });
    const from = baseRef.current;
    try {
      const res = await saveReportData(reportId, { revision: from.revision, patch: sent });
      const next: Base = { versionNo: from.versionNo, revision: res.revision, data: applyReportPatch(from.data, sent) };
      setBase(next);
      retryRef.current.attempt = 0;
      setPending(settlePatch(pendingRef.current, sent));
      setLastSavedAt(res.savedAt);
      setStatusBoth(isEmptyPatch(pendingRef.current) ? { kind: 'saved', at: res.savedAt } : { kind: 'pending' });
      publish(next, { contentHash: res.contentHash, updatedAt: res.savedAt });
      return true;
    } catch (e) {
      if (isTransient(e)) {
        setStatusBoth({ kind: 'offline' });
        scheduleRetry();
        return false;
      }
      const err = e as ApiError;
      if (err.code === 'REPORT_STALE' || err.code === 'CONFLICT') return onStale();
      if (err.code === 'REPORT_CELLS_INVALID' || err.code === 'VALIDATION_FAILED') {
        const problems = problemsOf(err.details);
        const issues = err.issues.map((i) => ({ kind: 'cell_invalid', message: i.message }));
        setStatusBoth({ kind: 'invalid', message: err.message, problems: problems.length ? problems : issues });
        return false;
      }
      if (['REPORT_NOT_EDITABLE', 'REPORT_VERSION_LOCKED', 'TRANSITION_FORBIDDEN', 'PERIOD_CLOSED', 'FORBIDDEN'].includes(err.code)) {
        setStatusBoth({ kind: 'locked', message: err.message });
        void latest().catch(() => undefined);
        return false;
      }
      setStatusBoth({ kind: 'error', message: errorMessage(e) });
      return false;
    }
  };

  /** One save at a time: a save asked for while one runs waits for it, then sends what is left. */
  const saveNow = (): Promise<boolean> => {
    const run = async (): Promise<boolean> => {
      if (savingRef.current) await savingRef.current;
      if (isEmptyPatch(pendingRef.current)) return true;
      const p = saveOnce();
      savingRef.current = p;
      try {
        return await p;
      } finally {
        if (savingRef.current === p) savingRef.current = null;
      }
    };
    return run();
  };
  saveRef.current = saveNow;

  const change = useCallback(
    (patch: ReportDataPatch) => {
      if (isEmptyPatch(patch)) return;
      setPending(mergePatches(pendingRef.current, patch));
      const k = statusRef.current.kind;
      if (k !== 'conflict' && k !== 'offline' && k !== 'locked' && k !== 'saving') setStatusBoth({ kind: 'pending' });
      if (k === 'conflict' || k === 'locked') return;
      stopTimer(timerRef);
      timerRef.current = setTimeout(() => void saveRef.current(), AUTOSAVE_DELAY);
    },
    [setPending],
  );

  const flush = useCallback(async (): Promise<boolean> => {
    stopTimer(timerRef);
    for (let i = 0; i < 5; i++) {
      if (isEmptyPatch(pendingRef.current)) {
        if (savingRef.current) await savingRef.current;
        return isEmptyPatch(pendingRef.current);
      }
      if (!(await saveRef.current())) return false;
    }
    return isEmptyPatch(pendingRef.current);
  }, []);

  // Save at once when the user leaves the window or the tab, and when the connection comes back.
  useEffect(() => {
    const now = () => {
      if (!isEmptyPatch(pendingRef.current) && autosaveAllowed(statusRef.current)) void saveRef.current();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') now();
    };
    const onOnline = () => {
      if (statusRef.current.kind === 'offline') {
        retryRef.current.attempt = 0;
        now();
      }
    };
    window.addEventListener('blur', now);
    window.addEventListener('pagehide', now);
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', now);
      window.removeEventListener('pagehide', now);
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  // Leaving the page (another route): send what is pending; the browser's copy stays until it is saved.
  useEffect(
    () => () => {
      stopTimer(timerRef);
      const retry = retryRef.current;
      if (retry.timer) clearTimeout(retry.timer);
      if (!isEmptyPatch(pendingRef.current) && autosaveAllowed(statusRef.current)) void saveRef.current();
    },
    [],
  );

  // The report as the server sends it again (after a transition, a reload): a new version replaces
  // everything; a newer revision of this version is taken when nothing is pending here.
  useEffect(() => {
    const b = baseRef.current;
    if (detail.version.versionNo !== b.versionNo) {
      stopTimer(timerRef);
      setBase(baseOf(detail));
      pendingRef.current = {};
      setPendingState({});
      const o = restoreOffer(readLocalDraft(storage, detail.id, detail.version.versionNo), {
        revision: detail.version.revision,
        data: detail.version.data,
      });
      offerRef.current = o;
      setOffer(o);
      setStatusBoth({ kind: 'idle' });
      setLastSavedAt(detail.version.updatedAt);
      setGeneration((g) => g + 1);
      return;
    }
    if (detail.version.revision > b.revision && isEmptyPatch(pendingRef.current) && !savingRef.current) {
      const changed = !sameContent(detail.version.data, b.data);
      setBase(baseOf(detail));
      setLastSavedAt(detail.version.updatedAt);
      if (changed) setGeneration((g) => g + 1);
    }
    if (statusRef.current.kind === 'locked' && detail.editable) setStatusBoth({ kind: 'idle' });
  }, [detail, storage]);

  const restore = useCallback(() => {
    const o = offerRef.current;
    if (!o) return;
    offerRef.current = null;
    setOffer(null);
    setPending(mergePatches(o.patch, pendingRef.current));
    setGeneration((g) => g + 1);
    setStatusBoth({ kind: 'pending' });
    void saveRef.current();
  }, [setPending]);

  const dropOffer = useCallback(() => {
    offerRef.current = null;
    setOffer(null);
    persist(pendingRef.current);
  }, [persist]);

  const reapplyOnLatest = useCallback(async () => {
    stopTimer(timerRef);
    if (savingRef.current) await savingRef.current;
    const server = await latest();
    if (server.version.versionNo !== baseRef.current.versionNo) return; // the effect above takes the new version
    setBase(baseOf(server));
    persist(pendingRef.current);
    setGeneration((g) => g + 1);
    setStatusBoth({ kind: 'pending' });
    await saveRef.current();
  }, [latest, persist]);

  const discardMine = useCallback(async () => {
    stopTimer(timerRef);
    if (savingRef.current) await savingRef.current;
    setPending({});
    const server = await latest();
    setBase(baseOf(server));
    setLastSavedAt(server.version.updatedAt);
    setGeneration((g) => g + 1);
    setStatusBoth({ kind: 'idle' });
  }, [latest, setPending]);

  const rebase = useCallback(async () => {
    if (savingRef.current) await savingRef.current;
    const server = await latest();
    if (server.version.versionNo !== baseRef.current.versionNo) return;
    const changed = !sameContent(server.version.data, baseRef.current.data);
    setBase(baseOf(server));
    persist(pendingRef.current);
    if (changed) setGeneration((g) => g + 1);
  }, [latest, persist]);

  const data = useMemo(() => applyReportPatch(base.data, pending), [base, pending]);

  return {
    data,
    base: base.data,
    pending,
    pendingCount: patchSize(pending),
    revision: base.revision,
    status,
    lastSavedAt,
    generation,
    offer: offer ? { count: offer.count, stale: offer.stale, updatedAt: offer.updatedAt } : null,
    change,
    flush,
    restore,
    dropOffer,
    reapplyOnLatest,
    discardMine,
    rebase,
  };
}
