import { type DragEvent, useRef, useState } from 'react';
import { App, Button, Dropdown, Typography } from 'antd';
import { HolderOutlined, MoreOutlined } from '@ant-design/icons';
import { PIVOT_DIMENSION_LABELS, PIVOT_DIMENSIONS, type PivotDimension } from '@baocao/core';
import {
  chipLabel,
  type Layout,
  MOVE_LABELS,
  moveDimension,
  shiftDimension,
  type Zone,
  ZONE_LABELS,
  zoneDimensions,
  zoneOf,
} from './exploreModel.ts';

const ZONES: readonly Zone[] = ['rows', 'columns', 'unused'];
const DRAG_TYPE = 'application/x-baocao-dimension';

const ZONE_HINTS: Record<Zone, string> = {
  rows: 'Kéo chiều vào đây để xếp theo hàng',
  columns: 'Kéo chiều vào đây để xếp theo cột',
  unused: 'Chiều không dùng được cộng gộp',
};

function isDimension(value: string): value is PivotDimension {
  return (PIVOT_DIMENSIONS as readonly string[]).includes(value);
}

export interface DimensionZonesProps {
  layout: Layout;
  onChange: (layout: Layout) => void;
}

/**
 * The three zones "Hàng", "Cột", "Không dùng" holding the dimension chips. Chips move by native drag
 * and drop (onto a zone: at its end; onto a chip: before it) or, without a mouse, with each chip's
 * menu ("Chuyển vào hàng", "Chuyển vào cột", "Bỏ ra", earlier, later).
 */
export function DimensionZones({ layout, onChange }: DimensionZonesProps) {
  const { message } = App.useApp();
  // Read on drop as well as the DataTransfer: some drag sources (tests, other tabs) lose custom types.
  const dragged = useRef<PivotDimension | null>(null);
  const [over, setOver] = useState<Zone | null>(null);

  const move = (dimension: PivotDimension, zone: Zone, index?: number) => {
    const result = moveDimension(layout, dimension, zone, index);
    if (result.ok) onChange(result.layout);
    else void message.warning(result.message);
  };

  const drop = (zone: Zone, index: number | undefined) => (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setOver(null);
    const data = e.dataTransfer.getData(DRAG_TYPE) || e.dataTransfer.getData('text/plain');
    const dimension = isDimension(data) ? data : dragged.current;
    dragged.current = null;
    if (!dimension) return;
    // Dropping a chip on a later chip of its own zone: the list shrinks by one before the insertion.
    const list = zoneDimensions(layout, zone);
    const from = list.indexOf(dimension);
    const at = index !== undefined && from >= 0 && from < index ? index - 1 : index;
    move(dimension, zone, at);
  };

  const allowDrop = (zone: Zone) => (e: DragEvent) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (over !== zone) setOver(zone);
  };

  return (
    <div className="explore-zones" data-testid="dimension-zones">
      {ZONES.map((zone) => {
        const dims = zoneDimensions(layout, zone);
        return (
          <section
            key={zone}
            className={`explore-zone${over === zone ? ' explore-zone-over' : ''}`}
            data-testid={`zone-${zone}`}
            aria-label={`Vùng ${ZONE_LABELS[zone]}`}
            onDragOver={allowDrop(zone)}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(null);
            }}
            onDrop={drop(zone, undefined)}
          >
            <Typography.Text strong className="explore-zone-title">
              {ZONE_LABELS[zone]}
            </Typography.Text>
            <ul className="explore-chips">
              {dims.map((dimension, index) => (
                <li
                  key={dimension}
                  className="explore-chip"
                  draggable
                  aria-label={chipLabel(layout, dimension)}
                  data-testid={`chip-${dimension}`}
                  onDragStart={(e) => {
                    dragged.current = dimension;
                    e.dataTransfer.effectAllowed = 'move';
                    e.dataTransfer.setData(DRAG_TYPE, dimension);
                    e.dataTransfer.setData('text/plain', dimension);
                  }}
                  onDragEnd={() => {
                    dragged.current = null;
                    setOver(null);
                  }}
                  onDragOver={allowDrop(zone)}
                  onDrop={zone === 'unused' ? drop(zone, undefined) : drop(zone, index)}
                >
                  <HolderOutlined aria-hidden className="explore-chip-grip" />
                  <span>{PIVOT_DIMENSION_LABELS[dimension]}</span>
                  <ChipMenu
                    dimension={dimension}
                    layout={layout}
                    onMove={move}
                    onShift={(delta) => onChange(shiftDimension(layout, dimension, delta))}
                  />
                </li>
              ))}
              {dims.length === 0 && <li className="explore-zone-hint">{ZONE_HINTS[zone]}</li>}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function ChipMenu({
  dimension,
  layout,
  onMove,
  onShift,
}: {
  dimension: PivotDimension;
  layout: Layout;
  onMove: (dimension: PivotDimension, zone: Zone) => void;
  onShift: (delta: -1 | 1) => void;
}) {
  const zone = zoneOf(layout, dimension);
  const position = zone === 'unused' ? -1 : layout[zone].indexOf(dimension);
  const size = zone === 'unused' ? 0 : layout[zone].length;
  const items = [
    ...ZONES.filter((z) => z !== zone).map((z) => ({ key: z, label: MOVE_LABELS[z] })),
    ...(position > 0 ? [{ key: 'earlier', label: 'Đưa lên trước' }] : []),
    ...(position >= 0 && position < size - 1 ? [{ key: 'later', label: 'Đưa ra sau' }] : []),
  ];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'earlier') onShift(-1);
          else if (key === 'later') onShift(1);
          else onMove(dimension, key as Zone);
        },
      }}
    >
      <Button
        type="text"
        size="small"
        className="explore-chip-menu"
        icon={<MoreOutlined aria-hidden />}
        aria-label={`Di chuyển ${PIVOT_DIMENSION_LABELS[dimension]}`}
        onMouseDown={(e) => e.stopPropagation()}
      />
    </Dropdown>
  );
}
