import { Alert, Button, Tag } from 'antd';
import { groupProblems, PROBLEM_KIND_LABELS, type ProblemKind, type ReportProblem } from './format.ts';

/** Kinds beyond the submission problems of format.ts: a consolidated figure changed without a note. */
type Kind = ProblemKind | 'override_unexplained';

const KIND_COLORS: Record<Kind, string> = {
  error: 'red',
  cell_invalid: 'red',
  unexplained_warning: 'gold',
  narrative_required: 'orange',
  narrative_too_long: 'orange',
  override_unexplained: 'gold',
};

const KIND_LABELS: Record<Kind, string> = { ...PROBLEM_KIND_LABELS, override_unexplained: 'Điều chỉnh chưa ghi chú' };

/**
 * What stops the report from going on (submission problems, cells the server refused, consolidated
 * figures changed without a note), by form; each problem with a cell or a section is a link that
 * opens its tab and goes to it.
 */
export function ProblemsAlert({
  title,
  problems,
  formName,
  onJump,
  onClose,
  type = 'error',
  testId = 'report-problems',
}: {
  title: string;
  problems: readonly ReportProblem[];
  /** "01/NS-XA – Thu ngân sách xã" for a form version id. */
  formName: (formVersionId: string) => string | undefined;
  onJump: (problem: ReportProblem) => void;
  onClose?: () => void;
  /** 'warning' for what stops nothing yet but will (e.g. an override without a note, before submitting). */
  type?: 'error' | 'warning';
  testId?: string;
}) {
  const groups = groupProblems(problems);
  return (
    <Alert
      type={type}
      showIcon
      closable={!!onClose}
      onClose={onClose}
      className="report-problems"
      data-testid={testId}
      title={title}
      description={
        problems.length === 0 ? null : (
          <div className="report-problems-body">
            {groups.map((g) => (
              <div key={g.formVersionId ?? ''}>
                {(g.formVersionId || g.formCode) && (
                  <div className="report-problems-form">{(g.formVersionId && formName(g.formVersionId)) || g.formCode}</div>
                )}
                <ul>
                  {g.items.map((p, i) => {
                    const kind = KIND_LABELS[p.kind as Kind];
                    const jumpable = !!(p.cell || p.sectionId || p.formVersionId);
                    return (
                      <li key={i}>
                        {kind && (
                          <Tag color={KIND_COLORS[p.kind as Kind]} variant="outlined">
                            {kind}
                          </Tag>
                        )}
                        {jumpable ? (
                          <Button type="link" size="small" onClick={() => onJump(p)}>
                            {p.message}
                          </Button>
                        ) : (
                          <span>{p.message}</span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </div>
        )
      }
    />
  );
}
