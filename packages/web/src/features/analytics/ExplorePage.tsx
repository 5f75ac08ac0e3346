/** Placeholder: replaced by the feature's page. */
export function ExplorePage() {
  return <div />;
}
