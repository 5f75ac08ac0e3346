import { useMemo, useState } from 'react';
import { App } from 'antd';
import {
  parseDefinition,
  validateDefinition,
  type DefinitionByKind,
  type FormKind,
  type FormSummary,
  type FormVersionDetail,
} from '@baocao/core';
import { errorMessage, isApiError } from '../../../api/client.ts';
import { useFormMutation, type ServerProblem } from '../../../api/forms.ts';
import { normalizePath, type DesignerProblem } from '../designer/problems.ts';

/** What every form designer shares: the editable draft, its problems, save / publish / new version. */
export interface Draft<K extends FormKind, A extends Analysis = Analysis> {
  def: DefinitionByKind[K];
  /** The designer's own analysis of the draft (its problems, and whatever else it computes with them). */
  analysis: A;
  editable: boolean;
  dirty: boolean;
  saving: boolean;
  problems: DesignerProblem[];
  errorCount: number;
  change: (fn: (d: DefinitionByKind[K]) => DefinitionByKind[K]) => void;
  save: (quiet?: boolean) => Promise<number | null>;
  publish: () => void;
  newDraft: () => Promise<void>;
}

export interface Analysis {
  problems: DesignerProblem[];
}

export interface DraftOptions<K extends FormKind, A extends Analysis> {
  /** The stored definition made editable; default: parsed with defaults filled in. */
  toEditable?: (raw: unknown) => DefinitionByKind[K];
  /** Checks the draft in the browser; default: core's parse and validation for the kind. */
  analyse?: (def: DefinitionByKind[K]) => A;
  /** Called when save or publish is refused for problems in the design (e.g. to show their list). */
  onProblems?: () => void;
}

/** Defaults filled in; an unparsable stored draft is edited as it is. */
function initial<K extends FormKind>(kind: K, raw: unknown): DefinitionByKind[K] {
  const parsed = parseDefinition(kind, raw);
  return parsed.ok ? parsed.definition : (raw as DefinitionByKind[K]);
}

function validated<K extends FormKind>(kind: K, def: DefinitionByKind[K]): Analysis {
  const parsed = parseDefinition(kind, def);
  return { problems: parsed.ok ? validateDefinition(kind, parsed.definition) : parsed.problems };
}

export function useDraft<K extends FormKind, A extends Analysis = Analysis>(
  kind: K,
  form: FormSummary,
  version: FormVersionDetail,
  options: DraftOptions<K, A> = {},
): Draft<K, A> {
  const { message, modal } = App.useApp();
  const mutation = useFormMutation();
  const editable = form.canDesign && version.status === 'draft';
  const [def, setDef] = useState<DefinitionByKind[K]>(() => (options.toEditable ?? ((raw) => initial(kind, raw)))(version.definition));
  const [revision, setRevision] = useState(version.revision);
  const [dirty, setDirty] = useState(false);
  const [serverProblems, setServerProblems] = useState<DesignerProblem[]>([]);

  const { analyse } = options;
  const analysis = useMemo(() => (analyse ? analyse(def) : (validated(kind, def) as A)), [analyse, kind, def]);
  const problems = useMemo(() => {
    const local = analysis.problems;
    const seen = new Set(local.map((p) => p.message));
    return [...local, ...serverProblems.filter((p) => !seen.has(p.message))];
  }, [analysis, serverProblems]);
  const errorCount = problems.filter((p) => p.severity === 'error').length;

  const change = (fn: (d: DefinitionByKind[K]) => DefinitionByKind[K]) => {
    if (!editable) return;
    setDef(fn);
    setDirty(true);
    setServerProblems([]);
  };

  const handleError = (e: unknown, what: string) => {
    if (isApiError(e, 'CONFLICT')) {
      modal.error({
        title: 'Biểu mẫu đã được người khác sửa',
        content: 'Biểu mẫu đã được người khác sửa sau khi bạn mở. Hãy tải lại trang để lấy bản mới nhất rồi làm lại thay đổi của mình.',
        okText: 'Tải lại trang',
        onOk: () => window.location.reload(),
      });
      return;
    }
    const ps = (isApiError(e) ? (e.details as { problems?: ServerProblem[] } | undefined)?.problems : undefined) ?? [];
    if (ps.length) {
      setServerProblems(ps.map((p) => ({ path: normalizePath(p.path), message: p.message, severity: p.severity })));
      message.error(
        `${what} không thành công: biểu mẫu còn ${ps.filter((p) => p.severity === 'error').length} lỗi (xem danh sách “Kiểm tra thiết kế”).`,
      );
      options.onProblems?.();
      return;
    }
    message.error(errorMessage(e));
  };

  const save = async (quiet = false): Promise<number | null> => {
    try {
      const res = (await mutation.mutateAsync({
        kind: 'saveDraft',
        id: form.id,
        body: { revision, definition: def },
      })) as FormVersionDetail;
      setRevision(res.revision);
      setDirty(false);
      if (!quiet) message.success('Đã lưu bản nháp.');
      return res.revision;
    } catch (e) {
      handleError(e, 'Lưu nháp');
      return null;
    }
  };

  const publish = () => {
    if (errorCount > 0) {
      message.error('Biểu mẫu còn lỗi, chưa thể ban hành. Hãy sửa các lỗi trong danh sách “Kiểm tra thiết kế”.');
      options.onProblems?.();
      return;
    }
    modal.confirm({
      title: 'Ban hành biểu mẫu?',
      content: 'Sau khi ban hành, phiên bản này không sửa được nữa; muốn thay đổi phải tạo phiên bản mới.',
      okText: 'Ban hành',
      cancelText: 'Hủy',
      onOk: async () => {
        const rev = dirty ? await save(true) : revision;
        if (rev === null) return;
        try {
          await mutation.mutateAsync({ kind: 'publish', id: form.id, body: { revision: rev } });
          message.success('Đã ban hành biểu mẫu.');
        } catch (e) {
          handleError(e, 'Ban hành');
        }
      },
    });
  };

  const newDraft = async () => {
    try {
      await mutation.mutateAsync({ kind: 'newDraft', id: form.id });
      message.success('Đã tạo phiên bản mới (bản nháp) từ phiên bản đã ban hành.');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const saving = mutation.isPending && mutation.variables?.kind === 'saveDraft';
  return { def, analysis, editable, dirty, saving, problems, errorCount, change, save, publish, newDraft };
}
