import { Link } from '@tanstack/react-router';
import { Flex, Result, Spin } from 'antd';
import { errorMessage } from '../../api/client.ts';
import { useRegime } from '../../api/regimes.ts';
import { RegimeDetailView } from './RegimeDetailView.tsx';
import { RegimeWizard } from './wizard/RegimeWizard.tsx';

/** A regime: its draft in the wizard for those who manage it, otherwise the published regime. */
export function RegimePage({ id, step, view }: { id: string; step?: number; view?: 'chi-tiet' }) {
  const { data, error } = useRegime(id);
  if (error) {
    return (
      <Result
        status="warning"
        title="Không mở được chế độ báo cáo"
        subTitle={errorMessage(error)}
        extra={<Link to="/che-do-bao-cao">Về danh sách chế độ báo cáo</Link>}
      />
    );
  }
  if (!data) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (data.editing && data.canManage && data.draft && !(view === 'chi-tiet' && data.current)) {
    // A new draft (new version) starts a fresh wizard; saves keep the same one.
    return <RegimeWizard key={data.draft.id} detail={data} initialStep={step} />;
  }
  return <RegimeDetailView detail={data} />;
}
