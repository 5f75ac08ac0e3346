import { formatSavedTime, type ReportProblem } from './format.ts';

/** Where the autosave stands, as the "Lưu" indicator and the banners read it. */
export type SaveStatus =
  /** Nothing changed since the page opened. */
  | { kind: 'idle' }
  /** Changes wait for the autosave (a moment after the last keystroke). */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** The server could not be reached: the changes are kept in the browser and sent when it answers. */
  | { kind: 'offline' }
  /** Someone saved the report since it was opened; nothing was overwritten. */
  | { kind: 'conflict'; by: string | null }
  /** The server refused cells that do not fit the form. */
  | { kind: 'invalid'; message: string; problems: ReportProblem[] }
  /** The report may no longer be edited (sent, accepted, or another version). */
  | { kind: 'locked'; message: string }
  | { kind: 'error'; message: string };

export type IndicatorTone = 'neutral' | 'busy' | 'ok' | 'warning' | 'danger';

/** The indicator beside the workflow buttons: "Đã lưu lúc 10:42", "Đang lưu…", "Chưa lưu – mất kết nối…". */
export function saveIndicator(
  status: SaveStatus,
  pendingCount: number,
  now: Date = new Date(),
  lastSavedAt: string | null = null,
): { text: string; tone: IndicatorTone } {
  switch (status.kind) {
    case 'saving':
      return { text: 'Đang lưu…', tone: 'busy' };
    case 'saved':
      return pendingCount > 0
        ? { text: `Có ${pendingCount} thay đổi đang chờ lưu`, tone: 'busy' }
        : { text: `Đã lưu lúc ${formatSavedTime(status.at, now)}`, tone: 'ok' };
    case 'pending':
      return { text: `Có ${pendingCount} thay đổi đang chờ lưu`, tone: 'busy' };
    case 'offline':
      return { text: 'Chưa lưu – mất kết nối, số liệu được giữ trên máy này', tone: 'warning' };
    case 'conflict':
      return { text: 'Chưa lưu – báo cáo vừa được người khác lưu', tone: 'danger' };
    case 'invalid':
      return { text: 'Chưa lưu – có ô số liệu không hợp lệ', tone: 'danger' };
    case 'locked':
      return { text: 'Chưa lưu – báo cáo không còn được sửa', tone: 'danger' };
    case 'error':
      return { text: `Chưa lưu – ${status.message}`, tone: 'danger' };
    case 'idle':
      return lastSavedAt ? { text: `Đã lưu lúc ${formatSavedTime(lastSavedAt, now)}`, tone: 'neutral' } : { text: '', tone: 'neutral' };
  }
}

/** Delay before retrying a save the network refused: 5 s, 10 s, 20 s … at most a minute. */
export function retryDelay(attempt: number): number {
  return Math.min(60_000, 5_000 * 2 ** Math.max(0, attempt));
}
