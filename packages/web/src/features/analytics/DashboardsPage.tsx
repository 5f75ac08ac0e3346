/** Placeholder: replaced by the feature's page. */
export function DashboardsPage() {
  return <div />;
}
