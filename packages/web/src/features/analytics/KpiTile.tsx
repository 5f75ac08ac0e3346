import { Card, Progress, Typography } from 'antd';
import type { KpiTileSpec, KpiValue } from '@baocao/core';
import { type Change, formatChange, formatRounded, progressPercent, targetLabel } from './figures.ts';

/** "1.234 Người", "3,5%": a percent sign sticks to its figure. */
function withUnit(figure: string, unit: string | null): string {
  if (!unit) return figure;
  return unit === '%' ? `${figure}%` : `${figure} ${unit}`;
}

const CHANGE_CLASS: Record<Change['direction'], string> = { up: 'kpi-change-up', down: 'kpi-change-down', flat: 'kpi-change-flat' };

function ChangeLine({ change, against }: { change: string | null; against: string }) {
  const c = formatChange(change);
  if (!c) {
    return (
      <div className="kpi-change kpi-change-none">
        <span>–</span> <Typography.Text type="secondary">{against}: chưa có số liệu</Typography.Text>
      </div>
    );
  }
  return (
    <div className={`kpi-change ${CHANGE_CLASS[c.direction]}`} data-direction={c.direction}>
      <span className="kpi-change-value">{c.text}</span> <Typography.Text type="secondary">{against}</Typography.Text>
    </div>
  );
}

/** One indicator's latest figure for a unit: the value, its changes, and how much of the plan it reaches. */
export function KpiTile({ spec, kpi }: { spec: KpiTileSpec; kpi: KpiValue }) {
  const target = targetLabel(kpi.targetRate, kpi.targetBasis);
  const rate = progressPercent(kpi.targetRate);
  const compared = kpi.targetBasis === 'year_to_date' ? kpi.yearToDate : kpi.value;
  return (
    <Card size="small" className="dashboard-tile kpi-tile" data-testid="kpi-tile" data-indicator={spec.indicatorCode}>
      <div className="kpi-title" title={spec.title}>
        {spec.title}
      </div>
      {kpi.value === null ? (
        <div className="kpi-empty">Chưa có số liệu</div>
      ) : (
        <>
          {/* The space before the unit is not drawn in the flex box, yet it is read aloud and copied with the figure. */}
          <div className="kpi-value" data-testid="kpi-value">
            <span>{withUnit(formatRounded(kpi.value), kpi.unitOfMeasure === '%' ? '%' : null)}</span>{' '}
            {kpi.unitOfMeasure && kpi.unitOfMeasure !== '%' && <span className="kpi-unit">{kpi.unitOfMeasure}</span>}
          </div>
          <div className="kpi-period">{kpi.periodLabel ?? kpi.periodCode}</div>
          <ChangeLine change={kpi.changeVsPrevious} against="so với kỳ trước" />
          <ChangeLine change={kpi.changeVsLastYear} against="so với cùng kỳ năm trước" />
          {target && (
            <div className="kpi-target" data-testid="kpi-target">
              <Typography.Text>{target}</Typography.Text>
              <Progress
                percent={rate}
                showInfo={false}
                size="small"
                strokeColor={rate >= 100 ? '#389e0d' : '#1677ff'}
                aria-label={`${target}: ${formatRounded(compared)} trên ${formatRounded(kpi.target)}`}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {kpi.targetBasis === 'year_to_date' && <>Lũy kế năm: {withUnit(formatRounded(kpi.yearToDate), kpi.unitOfMeasure)} · </>}
                Kế hoạch{kpi.targetBasis === 'year_to_date' ? ' năm' : ''}: {withUnit(formatRounded(kpi.target), kpi.unitOfMeasure)}
              </Typography.Text>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
