/** Placeholder: replaced by the feature's page. */
export function PublishingPage() {
  return <div />;
}
