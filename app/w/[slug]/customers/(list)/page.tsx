import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { NoSuchPage } from '@/components/ui/no-such-page';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { requireMember } from '@/lib/auth/gate';
import { CUSTOMERS_PAGE_SIZE, customerListParams, type CustomerListParams } from '@/lib/customers/list-params';
import { listCustomers, type CustomerSort } from '@/lib/customers/queries';
import { formatCurrency, formatDate, formatNumber } from '@/lib/format';

export const metadata: Metadata = { title: 'Customers' };

const columns: { sort: CustomerSort; label: string; numeric?: boolean }[] = [
  { sort: 'name', label: 'Customer' },
  { sort: 'orders', label: 'Orders', numeric: true },
  { sort: 'revenue', label: 'Revenue', numeric: true },
  { sort: 'last_order', label: 'Last order', numeric: true },
  { sort: 'clv', label: 'Predicted CLV', numeric: true },
];

function listHref(base: string, params: CustomerListParams, change: Partial<CustomerListParams>): string {
  const next = { ...params, ...change };
  const search = new URLSearchParams();
  if (next.q) search.set('q', next.q);
  search.set('sort', next.sort);
  search.set('dir', next.dir);
  if (next.page > 1) search.set('page', String(next.page));
  if (next.r) search.set('r', String(next.r));
  if (next.f) search.set('f', String(next.f));
  if (next.segment) search.set('segment', next.segment);
  return `${base}?${search}`;
}

export default async function CustomersPage({ params, searchParams }: PageProps<'/w/[slug]/customers'>) {
  const { slug } = await params;
  const { workspace, tenant } = await requireMember(slug);
  const list = customerListParams.parse(await searchParams);
  const { rows, total } = await listCustomers(tenant, {
    search: list.q,
    filters: { recencyScore: list.r, frequencyScore: list.f, segment: list.segment },
    sort: list.sort,
    direction: list.dir,
    page: list.page,
    pageSize: CUSTOMERS_PAGE_SIZE,
  });
  const base = `/w/${slug}/customers`;
  const filterLabel = [list.segment, list.r && `R ${list.r}`, list.f && `F ${list.f}`].filter(Boolean).join(' · ');
  const filtered = Boolean(list.q || filterLabel);

  return (
    <>
      <PageHeader title="Customers" description={`${formatNumber(total)} ${filtered ? 'matching' : 'in this workspace'}`} />
      {filterLabel && (
        <p className="mb-4 flex items-center gap-2 text-sm">
          <span className="rounded-full bg-indigo-50 px-3 py-1 font-medium text-indigo-700">{filterLabel}</span>
          <Link href={listHref(base, list, { r: undefined, f: undefined, segment: undefined, page: 1 })} className="text-indigo-600 hover:text-indigo-500">
            Clear filter
          </Link>
        </p>
      )}
      <form role="search" className="mb-4 flex max-w-lg gap-2" action={base}>
        <label htmlFor="customer-search" className="sr-only">
          Search customers
        </label>
        <input
          id="customer-search"
          name="q"
          type="search"
          defaultValue={list.q}
          placeholder="Search by name, email or customer ID"
          className="block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600"
        />
        <input type="hidden" name="sort" value={list.sort} />
        <input type="hidden" name="dir" value={list.dir} />
        {list.r && <input type="hidden" name="r" value={list.r} />}
        {list.f && <input type="hidden" name="f" value={list.f} />}
        {list.segment && <input type="hidden" name="segment" value={list.segment} />}
        <button type="submit" className="rounded-md bg-white px-3 py-2 text-sm font-semibold ring-1 ring-gray-300 hover:bg-gray-50">
          Search
        </button>
      </form>

      {rows.length === 0 && total > 0 ? (
        <NoSuchPage pages={Math.ceil(total / CUSTOMERS_PAGE_SIZE)} firstPageHref={listHref(base, list, { page: 1 })} />
      ) : rows.length === 0 ? (
        <EmptyState title={filtered ? 'No customers match your search' : 'No customers yet'}>
          {filtered ? (
            <p>
              {list.q ? `Nothing matches “${list.q}”. Try part of a name, an email address or a customer ID.` : 'No customer is in this cell or segment.'}{' '}
              <Link className="font-medium text-indigo-600" href={base}>
                Clear the search
              </Link>
            </p>
          ) : (
            <p>Customers appear here once customer and order data is imported into {workspace.name}.</p>
          )}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
          <table className="min-w-full divide-y divide-gray-200 text-sm">
            <thead className="bg-gray-50">
              <tr>
                {columns.map((column) => {
                  const active = list.sort === column.sort;
                  const firstDir = column.numeric ? 'desc' : 'asc';
                  const nextDir = active ? (list.dir === 'desc' ? 'asc' : 'desc') : firstDir;
                  return (
                    <th
                      key={column.sort}
                      scope="col"
                      aria-sort={active ? (list.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                      className={`px-4 py-3 font-semibold text-gray-900 ${column.numeric ? 'text-right' : 'text-left'}`}
                    >
                      <Link href={listHref(base, list, { sort: column.sort, dir: nextDir, page: 1 })} className="hover:text-indigo-600">
                        {column.label}
                        <span aria-hidden className="ml-1 text-gray-400">
                          {active ? (list.dir === 'asc' ? '▲' : '▼') : ''}
                        </span>
                      </Link>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {rows.map((row) => (
                <tr key={row.id} className="hover:bg-gray-50">
                  <td className="px-4 py-3">
                    <Link href={`${base}/${row.id}`} className="font-medium text-gray-900 hover:text-indigo-600">
                      {row.name ?? row.externalId}
                    </Link>
                    <div className="text-xs text-gray-500">
                      {[row.email, row.country, row.externalId, row.rfmSegment].filter(Boolean).join(' · ')}
                    </div>
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{formatNumber(row.orders)}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{formatCurrency(row.revenue, workspace.currency)}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{formatDate(row.lastOrderAt)}</td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {row.predictedClv === null ? '—' : formatCurrency(row.predictedClv, workspace.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="border-t border-gray-200 px-4">
            <Pagination
              page={list.page}
              pageSize={CUSTOMERS_PAGE_SIZE}
              total={total}
              hrefForPage={(page) => listHref(base, list, { page })}
            />
          </div>
        </div>
      )}
    </>
  );
}
