import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { VIEW_SHARING_LABELS } from '@baocao/core';
import { useSavedViews } from '../../api/analytics.ts';
import { usePublishMutation } from '../../api/dashboards.ts';
import { applyApiError } from '../../shared/formErrors.ts';

interface Fields {
  title: string;
  description?: string;
  viewId: string;
}

/**
 * "Công khai bộ số liệu": a saved view's query published on the portal. The server runs the query
 * with the publisher's authority first, so nothing outside it can be published.
 */
export function PublishDatasetDialog({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const views = useSavedViews();
  const publish = usePublishMutation();
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    const fields = await form.validateFields();
    const view = views.data?.find((v) => v.id === fields.viewId);
    if (!view) return;
    setProblem(null);
    try {
      await publish.mutateAsync({
        kind: 'publish',
        body: { title: fields.title.trim(), description: fields.description?.trim() || null, query: view.query, display: view.display },
      });
      message.success('Đã công khai bộ số liệu.');
      onClose();
    } catch (e) {
      setProblem(applyApiError(form, e, ['title', 'description']));
    }
  };

  return (
    <Modal
      open
      title="Công khai bộ số liệu"
      okText="Công khai"
      cancelText="Hủy"
      confirmLoading={publish.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        Bộ số liệu được chụp lại ngay và cập nhật hằng tháng; người dân, doanh nghiệp xem được tại trang công khai mà không cần đăng nhập.
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem} />}
      <Form<Fields> form={form} layout="vertical" name="publish-dataset">
        <Form.Item
          name="viewId"
          label="Số liệu theo khung nhìn"
          extra="Chọn khung nhìn đã lưu ở trang Khai thác dữ liệu: chỉ tiêu, đơn vị, kỳ và cách trình bày của bộ số liệu."
          rules={[{ required: true, message: 'Hãy chọn khung nhìn.' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={views.isLoading}
            placeholder="Chọn khung nhìn đã lưu"
            notFoundContent="Chưa có khung nhìn nào. Hãy lưu một khung nhìn ở trang Khai thác dữ liệu."
            options={(views.data ?? []).map((v) => ({
              value: v.id,
              label: v.mine ? v.name : `${v.name} (${v.ownerName}, ${VIEW_SHARING_LABELS[v.sharing].toLowerCase()})`,
            }))}
            onChange={(id: string) => {
              const view = views.data?.find((v) => v.id === id);
              if (!view) return;
              if (!form.getFieldValue('title')) form.setFieldValue('title', view.name);
              if (!form.getFieldValue('description') && view.description) form.setFieldValue('description', view.description);
            }}
          />
        </Form.Item>
        <Form.Item name="title" label="Tiêu đề công khai" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tiêu đề.' }]}>
          <Input maxLength={300} placeholder="VD: Lao động được tạo việc làm theo phường, xã" />
        </Form.Item>
        <Form.Item name="description" label="Mô tả cho người đọc">
          <Input.TextArea rows={3} maxLength={4000} placeholder="Nguồn số liệu, phạm vi, ghi chú cách hiểu số liệu" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
