import { Alert, Button, Tag } from 'antd';
import { groupProblems, PROBLEM_KIND_LABELS, type ProblemKind, type ReportProblem } from './format.ts';

const KIND_COLORS: Record<ProblemKind, string> = {
  error: 'red',
  cell_invalid: 'red',
  unexplained_warning: 'gold',
  narrative_required: 'orange',
  narrative_too_long: 'orange',
};

/**
 * What stops the report from going on (submission problems, cells the server refused), by form;
 * each problem with a cell or a section is a link that opens its tab and goes to it.
 */
export function ProblemsAlert({
  title,
  problems,
  formName,
  onJump,
  onClose,
}: {
  title: string;
  problems: readonly ReportProblem[];
  /** "01/NS-XA – Thu ngân sách xã" for a form version id. */
  formName: (formVersionId: string) => string | undefined;
  onJump: (problem: ReportProblem) => void;
  onClose?: () => void;
}) {
  const groups = groupProblems(problems);
  return (
    <Alert
      type="error"
      showIcon
      closable={!!onClose}
      onClose={onClose}
      className="report-problems"
      data-testid="report-problems"
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
                    const kind = PROBLEM_KIND_LABELS[p.kind as ProblemKind];
                    const jumpable = !!(p.cell || p.sectionId || p.formVersionId);
                    return (
                      <li key={i}>
                        {kind && (
                          <Tag color={KIND_COLORS[p.kind as ProblemKind]} variant="outlined">
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
