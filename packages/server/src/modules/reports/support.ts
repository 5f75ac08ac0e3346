import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import {
  parseDefinition,
  timelinessOf,
  type AssignmentStatus,
  type Form,
  type FormKind,
  type Outline,
  type ReportData,
  type ReportFormRef,
  type ReportState,
  type Timeliness,
} from '@baocao/core';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../jobs/clock.ts';
import type { ReportRow } from './access.ts';
import * as q from './queries.ts';

/** What the reports use cases need (the HTTP deps carry more; the scheduler and benches pass these). */
export interface ReportDeps {
  db: Db;
  config: Config;
  clock: Clock;
}

/** Where notifications about a report take the user. */
export const reportLink = (reportId: string) => `/bao-cao/${reportId}`;

/** SHA-256 of the RFC 8785 canonical JSON of a version's data: equal content, equal hash. */
export function contentHashOf(data: ReportData): string {
  return createHash('sha256')
    .update(canonicalize(data) ?? '')
    .digest('hex');
}

/** The stored data of a version, typed (it was validated by the API schema when it was saved). */
export const versionData = (row: { data: unknown }): ReportData => row.data as ReportData;

/** The assignment's forms with their definitions, in the assignment's order. */
export async function reportForms(db: Db, versionIds: readonly string[]): Promise<ReportFormRef[]> {
  const byVersion = new Map((await q.formDefinitions(db, versionIds)).map((f) => [f.versionId, f]));
  return versionIds.flatMap((id) => {
    const f = byVersion.get(id);
    if (!f) return [];
    return [
      {
        formId: f.formId,
        versionId: f.versionId,
        code: f.code,
        name: f.name,
        kind: f.kind as FormKind,
        definition: f.definition as Record<string, unknown>,
      },
    ];
  });
}

/**
 * Parsed definitions by form version id. Versions a report uses are published, and a published
 * version never changes (a trigger refuses it), so parsing once per process is enough; the cache is
 * bounded so that a long-running server does not keep every version it ever read.
 */
const parsedDefinitions = new Map<string, Form | Outline | null>();
const PARSED_CACHE_SIZE = 500;

function parsedOnce<K extends 'table' | 'outline'>(kind: K, ref: Pick<ReportFormRef, 'versionId' | 'definition'>) {
  const key = `${kind}:${ref.versionId}`;
  if (parsedDefinitions.has(key)) return parsedDefinitions.get(key) ?? null;
  const parsed = parseDefinition(kind, ref.definition);
  const value = parsed.ok ? (parsed.definition as Form | Outline) : null;
  if (parsedDefinitions.size >= PARSED_CACHE_SIZE) parsedDefinitions.delete(parsedDefinitions.keys().next().value!);
  parsedDefinitions.set(key, value);
  return value;
}

/** A table form's parsed definition, or null when it does not parse (it was validated when published). */
export function tableDefinition(ref: Pick<ReportFormRef, 'kind' | 'versionId' | 'definition'>): Form | null {
  return ref.kind === 'table' ? (parsedOnce('table', ref) as Form | null) : null;
}

export function outlineDefinition(ref: Pick<ReportFormRef, 'kind' | 'versionId' | 'definition'>): Outline | null {
  return ref.kind === 'outline' ? (parsedOnce('outline', ref) as Outline | null) : null;
}

/**
 * The sending time that counts for timeliness. A report counts as sent while it is sent, accepted
 * or under correction (a correction does not undo the sending of the version in force), and a
 * report recorded as received outside the system counts from the recorded time even while the unit
 * back-fills its data. A returned report does not count until it is sent again.
 */
export function countedSentAt(r: Pick<ReportRow, 'state' | 'sentAt' | 'acceptedAt' | 'outOfBand'>): Date | null {
  if (!r.sentAt) return null;
  const sent = (['sent', 'accepted', 'correction_requested'] as ReportState[]).includes(r.state as ReportState);
  return sent || r.acceptedAt !== null || r.outOfBand ? r.sentAt : null;
}

/** How the report stands against the deadline in force (the assignment's, extensions included). */
export function reportTimeliness(
  r: Pick<ReportRow, 'state' | 'sentAt' | 'acceptedAt' | 'outOfBand'>,
  a: { status: string; deadlineAt: Date },
  now: Date,
  config: Pick<Config, 'dueSoonDays'>,
): { timeliness: Timeliness; lateMinutes: number } {
  const sentAt = countedSentAt(r);
  const timeliness = timelinessOf({
    status: a.status as AssignmentStatus,
    deadlineAt: a.deadlineAt,
    sentAt,
    now,
    dueSoonDays: config.dueSoonDays,
  });
  const lateMinutes = timeliness === 'late' && sentAt ? Math.floor((sentAt.getTime() - a.deadlineAt.getTime()) / 60_000) : 0;
  return { timeliness, lateMinutes };
}
