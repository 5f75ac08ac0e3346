import { evaluateReportForm } from '@baocao/core';
import type { Db } from '../../../db/client.ts';
import { type EvaluatedTableForm, replaceReportFacts } from '../../analytics/index.ts';
import type { AssignmentContext } from '../../assignments/index.ts';
import { periodValuesFor } from '../period-values.ts';
import type * as q from '../queries.ts';
import { reportForms, tableDefinition, versionData } from '../support.ts';

/**
 * The accepted version's figures become facts in the acceptance's transaction: each table form is
 * evaluated with the version's data and the other periods' values its formulas read (as when it was
 * submitted), so computed rows and columns count as the receiver saw them.
 */
export async function recordAcceptedFacts(
  tx: Db,
  input: { report: Pick<q.ReportRow, 'id' | 'unitId'>; assignment: AssignmentContext; version: q.VersionRow; now: Date },
): Promise<void> {
  const { report, assignment: a, version, now } = input;
  const forms = await reportForms(tx, a.formVersionIds);
  const periodValues = await periodValuesFor(tx, { unitId: report.unitId, regimeId: a.regime.id, period: a.period, forms });
  const data = versionData(version);
  const evaluated: EvaluatedTableForm[] = forms.flatMap((ref) => {
    const form = tableDefinition(ref);
    if (!form) return [];
    const { values } = evaluateReportForm(form, { values: data.forms[ref.versionId]?.values ?? {} }, periodValues[ref.formId]);
    return [{ formVersionId: ref.versionId, form, values }];
  });
  await replaceReportFacts(tx, {
    reportId: report.id,
    reportVersionId: version.id,
    versionNo: version.versionNo,
    unitId: report.unitId,
    regimeId: a.regime.id,
    regimePeriodId: a.period.id,
    period: { type: a.period.type, code: a.period.code, windowStart: a.period.windowStart, windowEnd: a.period.windowEnd },
    recordedAt: now,
    forms: evaluated,
  });
}
