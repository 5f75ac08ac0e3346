import type { z } from 'zod';
import type { calendarAdjustmentItem } from '@baocao/core';
import type { AdjustmentRow } from './queries.ts';

export function presentAdjustment(row: AdjustmentRow): z.infer<typeof calendarAdjustmentItem> {
  return { date: row.date, kind: row.kind as 'holiday' | 'working_day', name: row.name, updatedAt: row.updatedAt.toISOString() };
}
