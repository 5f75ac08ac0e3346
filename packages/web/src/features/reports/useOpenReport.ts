import { useNavigate } from '@tanstack/react-router';
import { App } from 'antd';
import { errorMessage } from '../../api/client.ts';
import { useOpenReport } from '../../api/reports.ts';

/** Opens (creating on first use) the report of an assignment and goes to it; a refusal is shown as a message. */
export function useOpenReportAction() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const mutation = useOpenReport();
  const open = async (assignmentId: string) => {
    try {
      const detail = await mutation.mutateAsync(assignmentId);
      await navigate({ to: '/bao-cao/$id', params: { id: detail.id } });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return { open, openingId: mutation.isPending ? mutation.variables : null };
}
