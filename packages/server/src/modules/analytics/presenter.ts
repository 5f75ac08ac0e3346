import { explorationQuery, viewDisplay, type SavedView, type ViewSharing } from '@baocao/core';
import type { ViewWithOwner } from './views-queries.ts';

/** A saved view as the API shows it: explicit fields, the stored query read back through the contract's schema. */
export function presentView(row: ViewWithOwner, actorId: string): SavedView {
  const v = row.view;
  return {
    id: v.id,
    name: v.name,
    description: v.description,
    query: explorationQuery.parse(v.query),
    display: viewDisplay.parse(v.display),
    sharing: v.sharing as ViewSharing,
    ownerId: v.ownerId,
    ownerName: row.ownerName,
    ownerUnitName: row.ownerUnitName,
    mine: v.ownerId === actorId,
    updatedAt: v.updatedAt.toISOString(),
    version: v.version,
  };
}
