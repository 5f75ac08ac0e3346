import type { Role } from '@baocao/core';

export interface ActorGrant {
  id: string;
  role: Role;
  unitId: string;
  unitName: string;
  /** Materialised path of the granted unit, read fresh for every request (units can move). */
  unitPath: string;
  includeSubtree: boolean;
}

/** Who is making a request, as the authorization function sees it. */
export interface Actor {
  id: string;
  username: string;
  fullName: string;
  unitId: string;
  unitName: string;
  mustChangePassword: boolean;
  grants: ActorGrant[];
}

/** What every use case receives besides its input: the actor and where the request came from. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuthedContext extends RequestContext {
  actor: Actor;
}
