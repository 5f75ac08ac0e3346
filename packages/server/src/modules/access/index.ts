export type { Actor, ActorGrant, AuthedContext, RequestContext } from './actor.ts';
export { authorize, authorizeGlobal, isSystemAdmin, permissionsOf, permissionsOnUnits, unitScope, unitScopeSql } from './service.ts';
export { deleteGrant, findGrant, grantsOfUsers, insertGrant } from './queries.ts';
export { roleGrant } from './tables.ts';
