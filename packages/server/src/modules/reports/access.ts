import { eq } from 'drizzle-orm';
import {
  REPORT_ACTIONS,
  REPORT_TRANSITIONS,
  availableActions,
  type ActorCapabilities,
  type Permission,
  type ReportAction,
  type ReportState,
} from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, permissionsOf, permissionsOnUnits } from '../access/index.ts';
import { report } from './tables.ts';

export type ReportRow = typeof report.$inferSelect;

/** Who the actor is to one report: the sending unit's side, the receiving unit's, both, or neither. */
export interface ReportCapabilities {
  sender: ActorCapabilities;
  receiver: ActorCapabilities;
}

const NONE: ActorCapabilities = { side: 'none', permissions: [] };
const SENDER_READ: readonly Permission[] = ['report.work', 'report.enter', 'report.review', 'report.approve'];
const RECEIVER_READ: readonly Permission[] = ['report.receive', 'report.work'];

/**
 * The actor's capabilities on a report, decided by role × unit relation through the one
 * authorization rule (`permissionsOnUnits`): permissions held on the sending unit make the sender
 * side, those held on the receiving unit the receiver side.
 */
export async function capabilitiesOn(db: Db, actor: Actor, r: Pick<ReportRow, 'unitId' | 'receivingUnitId'>): Promise<ReportCapabilities> {
  const held = await permissionsOnUnits(db, actor, [r.unitId, r.receivingUnitId]);
  const side = (unitId: string, name: 'sender' | 'receiver', read: readonly Permission[]): ActorCapabilities => {
    const permissions = held.get(unitId) ?? [];
    return permissions.some((p) => read.includes(p)) ? { side: name, permissions } : NONE;
  };
  return { sender: side(r.unitId, 'sender', SENDER_READ), receiver: side(r.receivingUnitId, 'receiver', RECEIVER_READ) };
}

export const canRead = (caps: ReportCapabilities): boolean => caps.sender.side !== 'none' || caps.receiver.side !== 'none';

/** The buttons to show: the union of what each side of the actor may do, in table order. */
export function actionsFor(state: ReportState, caps: ReportCapabilities): ReportAction[] {
  const allowed = new Set([...availableActions(state, caps.sender), ...availableActions(state, caps.receiver)]);
  return REPORT_ACTIONS.filter((a) => allowed.has(a));
}

/** The capabilities to check `action` with: those of the side the transition table asks for. */
export function capabilitiesFor(action: ReportAction, caps: ReportCapabilities): ActorCapabilities {
  return REPORT_TRANSITIONS[action].side === 'sender' ? caps.sender : caps.receiver;
}

/**
 * Loads a report the actor may read, with the actor's capabilities. With `lock`, the row is read
 * `FOR UPDATE` (call inside a transaction): the state a transition checks is the state it changes.
 * NOT_FOUND for a report that does not exist, OUT_OF_SCOPE / FORBIDDEN for one the actor may not see.
 */
export async function loadReport(
  db: Db,
  actor: Actor,
  reportId: string,
  opts: { lock?: boolean } = {},
): Promise<{ row: ReportRow; caps: ReportCapabilities }> {
  const query = db.select().from(report).where(eq(report.id, reportId));
  const [row] = opts.lock ? await query.for('update') : await query;
  if (!row) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy báo cáo.');
  const caps = await capabilitiesOn(db, actor, row);
  if (!canRead(caps)) {
    const anywhere = permissionsOf(actor).some((p) => SENDER_READ.includes(p) || RECEIVER_READ.includes(p));
    throw new AppError(anywhere ? 'OUT_OF_SCOPE' : 'FORBIDDEN');
  }
  return { row, caps };
}
