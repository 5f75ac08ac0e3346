import { Link } from '@tanstack/react-router';
import type { RegimeDetail } from '@baocao/core';
import { useRegime } from '../../api/regimes.ts';
import { LoadedPage } from './parts.tsx';
import { RegimeDetailView } from './RegimeDetailView.tsx';
import { RegimeWizard } from './wizard/RegimeWizard.tsx';

/** A regime: its draft in the wizard for those who manage it, otherwise the published regime. */
export function RegimePage({ id, step, view }: { id: string; step?: number; view?: 'chi-tiet' }) {
  const { data, error } = useRegime(id);
  return (
    <LoadedPage
      data={data}
      error={error}
      failedTitle="Không mở được chế độ báo cáo"
      back={<Link to="/che-do-bao-cao">Về danh sách chế độ báo cáo</Link>}
    >
      {(detail) => <RegimeView detail={detail} step={step} view={view} />}
    </LoadedPage>
  );
}

function RegimeView({ detail: data, step, view }: { detail: RegimeDetail; step?: number; view?: 'chi-tiet' }) {
  if (data.editing && data.canManage && data.draft && !(view === 'chi-tiet' && data.current)) {
    // A new draft (new version) starts a fresh wizard; saves keep the same one.
    return <RegimeWizard key={data.draft.id} detail={data} initialStep={step} />;
  }
  return <RegimeDetailView detail={data} />;
}
