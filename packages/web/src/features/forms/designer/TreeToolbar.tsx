import { Button, Space, Tooltip } from 'antd';
import {
  ArrowDownOutlined,
  ArrowLeftOutlined,
  ArrowRightOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
  SubnodeOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export interface ToolbarAction {
  key: string;
  label: string;
  icon: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  danger?: boolean;
  hint?: string;
  primary?: boolean;
}

export const ICONS = {
  add: <PlusOutlined aria-hidden />,
  child: <SubnodeOutlined aria-hidden />,
  indent: <ArrowRightOutlined aria-hidden />,
  outdent: <ArrowLeftOutlined aria-hidden />,
  up: <ArrowUpOutlined aria-hidden />,
  down: <ArrowDownOutlined aria-hidden />,
  remove: <DeleteOutlined aria-hidden />,
};

export function TreeToolbar({ actions, label }: { actions: ToolbarAction[]; label: string }) {
  return (
    <Space wrap size={6} role="toolbar" aria-label={label} className="tree-toolbar">
      {actions.map((a) => (
        <Tooltip key={a.key} title={a.hint}>
          <Button
            size="small"
            icon={a.icon}
            onClick={a.onClick}
            disabled={a.disabled}
            danger={a.danger}
            type={a.primary ? 'primary' : 'default'}
          >
            {a.label}
          </Button>
        </Tooltip>
      ))}
    </Space>
  );
}
