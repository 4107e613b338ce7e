import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { NoSuchPage } from '@/components/ui/no-such-page';
import { Field } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { auditActionLabel } from '@/lib/audit/action-labels';
import { AUDIT_PAGE_SIZE, auditListParams, type AuditListParams } from '@/lib/audit/list-params';
import { auditActions, listAuditEvents } from '@/lib/audit/queries';
import { requireMember } from '@/lib/auth/gate';
import { hasRole, roleLabels } from '@/lib/auth/roles';
import { formatNumber } from '@/lib/format';

export const metadata: Metadata = { title: 'Audit trail' };

const utcDateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

function listHref(base: string, params: AuditListParams, change: Partial<AuditListParams>): string {
  const next = { ...params, ...change };
  const search = new URLSearchParams();
  if (next.action) search.set('action', next.action);
  if (next.actor) search.set('actor', next.actor);
  if (next.from) search.set('from', next.from);
  if (next.to) search.set('to', next.to);
  if (next.page > 1) search.set('page', String(next.page));
  const query = search.toString();
  return query ? `${base}?${query}` : base;
}

function detailValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = details && typeof details === 'object' && !Array.isArray(details) ? Object.entries(details) : [];
  if (entries.length === 0) return <span className="text-gray-400">—</span>;
  return (
    <dl className="flex max-w-md flex-wrap gap-x-3 gap-y-0.5 text-xs">
      {entries.map(([key, value]) => (
        <div key={key} className="flex gap-1">
          <dt className="text-gray-500">{key}:</dt>
          <dd className="break-all text-gray-900">{detailValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function AuditTrailPage({ params, searchParams }: PageProps<'/w/[slug]/audit'>) {
  const { slug } = await params;
  const { role, workspace, tenant } = await requireMember(slug);
  if (!hasRole(role, 'admin')) {
    return (
      <>
        <PageHeader title="Audit trail" />
        <EmptyState title="The audit trail is for admins.">
          <p>
            You are a {roleLabels[role]} in {workspace.name}. Ask an admin of this workspace if you need to know who did what.
          </p>
        </EmptyState>
      </>
    );
  }

  const list = auditListParams.parse(await searchParams);
  const [{ rows, total }, recordedActions] = await Promise.all([
    listAuditEvents(tenant, { action: list.action, actor: list.actor, from: list.from, to: list.to, page: list.page, pageSize: AUDIT_PAGE_SIZE }),
    auditActions(tenant),
  ]);
  const actionChoices = list.action && !recordedActions.includes(list.action) ? [...recordedActions, list.action] : recordedActions;
  const base = `/w/${slug}/audit`;
  const filtered = Boolean(list.action || list.actor || list.from || list.to);

  return (
    <>
      <PageHeader
        title="Audit trail"
        description={`${formatNumber(total)} ${total === 1 ? 'event' : 'events'} ${filtered ? 'matching' : 'recorded in this workspace'}. Events are kept as recorded: they cannot be edited or deleted.`}
      />
      <form role="search" aria-label="Filter events" action={base} className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="audit-action" className="block text-sm font-medium text-gray-900">
            Action
          </label>
          <select
            id="audit-action"
            name="action"
            defaultValue={list.action ?? ''}
            className="mt-1 block rounded-md border-0 py-2 pl-3 pr-8 text-sm text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600"
          >
            <option value="">All actions</option>
            {actionChoices.map((action) => (
              <option key={action} value={action}>
                {auditActionLabel(action)}
              </option>
            ))}
          </select>
        </div>
        <Field label="Actor email" name="actor" type="search" defaultValue={list.actor} placeholder="Part of an email" className="w-56" />
        <Field label="From (UTC)" name="from" type="date" defaultValue={list.from} />
        <Field label="To (UTC)" name="to" type="date" defaultValue={list.to} />
        <button type="submit" className={buttonClass('secondary')}>
          Apply filters
        </button>
        {filtered && (
          <Link href={base} className="py-2 text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Clear filters
          </Link>
        )}
      </form>

      {rows.length === 0 && total > 0 ? (
        <NoSuchPage pages={Math.ceil(total / AUDIT_PAGE_SIZE)} firstPageHref={listHref(base, list, { page: 1 })} />
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No events match these filters">
            <p>
              Try a longer date range, another action or part of an email.{' '}
              <Link className="font-medium text-indigo-600" href={base}>
                Clear filters
              </Link>
            </p>
          </EmptyState>
        ) : (
          <EmptyState title="Nothing recorded yet">
            <p>Sensitive actions in {workspace.name}, such as completed imports and deleted data, appear here with who did them, when and from where.</p>
          </EmptyState>
        )
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
          <table className="min-w-full divide-y divide-gray-200 text-sm">
            <thead className="bg-gray-50">
              <tr>
                {['When (UTC)', 'Who', 'Action', 'Target', 'Details', 'IP address'].map((label) => (
                  <th key={label} scope="col" className="px-4 py-3 text-left font-semibold text-gray-900">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {rows.map((row) => (
                <tr key={row.id} className="align-top">
                  <td className="whitespace-nowrap px-4 py-3 tabular-nums">
                    <time dateTime={row.at.toISOString()}>{utcDateTime.format(row.at)}</time>
                  </td>
                  <td className="px-4 py-3">{row.actorEmail ?? <span className="text-gray-400">—</span>}</td>
                  <td className="whitespace-nowrap px-4 py-3" title={row.action}>
                    {auditActionLabel(row.action)}
                  </td>
                  <td className="break-all px-4 py-3">{row.target ?? <span className="text-gray-400">—</span>}</td>
                  <td className="px-4 py-3">
                    <Details details={row.details} />
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">{row.ip ?? <span className="text-gray-400">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="border-t border-gray-200 px-4">
            <Pagination page={list.page} pageSize={AUDIT_PAGE_SIZE} total={total} hrefForPage={(page) => listHref(base, list, { page })} />
          </div>
        </div>
      )}
    </>
  );
}
