/** Placeholder: replaced by the feature's page. */
export function DashboardPage({ id }: { id: string }) {
  return <div data-id={id} />;
}
