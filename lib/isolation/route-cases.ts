import type { Role } from '@/lib/auth/roles';
import { formData } from './call-outcome';
import { plannerInputsFor, UPLOAD_CSV, type IsolationWorld } from './isolation-fixture';

/** A hostile request: the dynamic segments other than the slug, the query, the body. */
export type RouteRequest = { params?: Record<string, string>; search?: string; body?: BodyInit; headers?: Record<string, string> };

/**
 * What B's members get on their own slug when their role is high enough (below it: 403):
 * `status` is the answer (a thrown notFound() counts as 404); `check` looks inside the body and throws if it is wrong.
 */
export type RouteExpectation = { status: number; check?: (body: string, world: IsolationWorld) => void; why?: string };

export type WorkspaceRouteCase = {
  /** The least role the handler serves: B's members below it must get 403. */
  role: Role;
  request: (world: IsolationWorld) => RouteRequest;
  asAttacker: RouteExpectation;
  /** The A object the request names; the control asks for it as A's admin and must get it: 200 with A's data in it. */
  targets?: string;
};

/** Per app/w route file (path from the repository root), per exported method. */
export const WORKSPACE_ROUTE_CASES: Record<string, Record<string, WorkspaceRouteCase>> = {
  'app/w/[slug]/imports/[importId]/rejects/route.ts': {
    GET: { role: 'viewer', targets: 'import (rejected rows)', request: ({ victim }) => ({ params: { importId: String(victim.importId) } }), asAttacker: { status: 404 } },
  },
  'app/w/[slug]/imports/upload/route.ts': {
    PUT: {
      role: 'marketer',
      request: () => ({ search: '?entity=customers&name=customers.csv', body: UPLOAD_CSV }),
      asAttacker: { status: 200, why: 'takes no id: stores the file under the caller’s own workspace' },
    },
  },
  'app/w/[slug]/segments/[segmentId]/export/route.ts': {
    GET: {
      role: 'marketer', targets: 'segment (members as CSV)',
      request: ({ victim }) => ({ params: { segmentId: String(victim.ruleSegmentId) }, search: '?column=email&column=name&consent=include' }),
      asAttacker: { status: 404 },
    },
  },
  'app/w/[slug]/segments/preview/route.ts': {
    POST: {
      role: 'viewer', targets: 'saved segment (as a rule reference)',
      request: ({ victim }) => ({
        body: JSON.stringify({ rule: { version: 1, root: { kind: 'group', combinator: 'and', children: [{ kind: 'segment', segmentId: victim.ruleSegmentId, operator: 'in' }] } } }),
        headers: { 'content-type': 'application/json' },
      }),
      asAttacker: {
        status: 200,
        why: 'a preview of the caller’s own customers: membership of another workspace’s segment matches nobody',
        check: (body) => {
          const { preview, sample } = JSON.parse(body) as { preview: { customers: number }; sample: unknown[] };
          if (preview.customers !== 0 || sample.length !== 0) throw new Error(`A’s segment matched B’s customers: ${body}`);
        },
      },
    },
  },
  'app/w/[slug]/valuation/export/route.ts': {
    GET: {
      role: 'viewer', targets: 'saved segment (valuation row)',
      request: ({ victim }) => ({ search: `?segment=${victim.ruleSegmentId}&rfm=0` }),
      asAttacker: { status: 200, why: 'the caller’s own valuation; another workspace’s segment id is ignored' },
    },
  },
  'app/w/[slug]/allocation/export/route.ts': {
    GET: { role: 'viewer', targets: 'allocation plan (as CSV)', request: ({ victim }) => ({ search: `?plan=${victim.planId}` }), asAttacker: { status: 404 } },
    POST: {
      role: 'viewer', targets: 'saved segment (priced in an unsaved plan)',
      request: ({ victim }) => ({ body: formData({ inputs: JSON.stringify(plannerInputsFor(victim.ruleSegmentId)) }) }),
      asAttacker: { status: 400, check: (body) => expectJsonError(body, 'A segment of this plan no longer exists. Reload the planner.') },
    },
  },
};

function expectJsonError(body: string, error: string) {
  if ((JSON.parse(body) as { error?: string }).error !== error) throw new Error(`expected the error “${error}”, got ${body}`);
}

export type ApiRouteCase = {
  request: (world: IsolationWorld) => RouteRequest;
  /** What B's valid API key gets for A's object. */
  asAttacker: RouteExpectation;
};

/** Per app/api/v1 route file, per exported method. Every handler authenticates with a workspace API key. */
export const API_ROUTE_CASES: Record<string, Record<string, ApiRouteCase>> = {
  'app/api/v1/segments/[segmentId]/members/route.ts': {
    GET: {
      request: ({ victim }) => ({ params: { segmentId: String(victim.ruleSegmentId) }, search: '?limit=1000&consent=include' }),
      asAttacker: { status: 404, check: (body) => expectJsonError(body, 'No such segment in this workspace.') },
    },
  },
};
