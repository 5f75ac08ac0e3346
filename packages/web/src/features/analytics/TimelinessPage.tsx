/** Placeholder: replaced by the feature's page. */
export function TimelinessPage() {
  return <div />;
}
