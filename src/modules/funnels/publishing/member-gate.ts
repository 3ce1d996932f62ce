import type { FastifyRequest } from 'fastify';
import type { TLivePage } from './live-pages.js';

// Member pages (a page's `members_only`): the funnels module serves them, the commerce module knows who bought. Commerce
// registers its gate here at start; without one, member pages are closed to everybody (never open by default).

export type TMemberGateAnswer = { allowed: true } | { allowed: false; signIn: string | null };
export type TMemberGate = (req: FastifyRequest, page: TLivePage) => Promise<TMemberGateAnswer>;

let gate: TMemberGate | null = null;

/** Called once by the module that decides who may open member pages (commerce's membership). */
export function setMemberPageGate(memberGate: TMemberGate): void {
  gate = memberGate;
}

/** Whether this request may see the page: every page but member pages; a member page as the gate says. */
export async function memberPageAccess(req: FastifyRequest, page: TLivePage): Promise<TMemberGateAnswer> {
  if (!page.membersOnly) return { allowed: true };
  return gate ? gate(req, page) : { allowed: false, signIn: null };
}
