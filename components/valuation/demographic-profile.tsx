import { formatNumber, formatPercent } from '@/lib/format';
import type { DemographicProfile as Profile, ProfileShare } from '@/lib/valuation-report/demographics';

function ShareList({ title, shares }: { title: string; shares: ProfileShare[] }) {
  return (
    <div className="break-inside-avoid">
      <h3 className="text-sm font-semibold text-gray-900">{title}</h3>
      {shares.length === 0 ? (
        <p className="mt-1 text-sm text-gray-500">No data.</p>
      ) : (
        <dl className="mt-2 space-y-1.5">
          {shares.map((share) => (
            <div key={share.label} className="grid grid-cols-[7rem_1fr_3.5rem] items-center gap-2 text-sm">
              <dt className="truncate text-gray-700" title={share.label}>
                {share.label}
              </dt>
              <dd aria-hidden className="h-2 overflow-hidden rounded-full bg-gray-100">
                <span className="block h-full rounded-full bg-indigo-400 print:bg-gray-500" style={{ width: `${share.share * 100}%` }} />
              </dd>
              <dd className="text-right tabular-nums text-gray-700" title={`${formatNumber(share.customers)} customers`}>
                {formatPercent(share.share, 0)}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/** Income, age, gender and country of a segment's buyers, as shares (server-rendered, prints as it shows). */
export function DemographicProfile({ profile }: { profile: Profile }) {
  if (profile.customers === 0) return <p className="text-sm text-gray-600">No buyers in this segment.</p>;
  return (
    <div className="grid gap-6 sm:grid-cols-2 xl:grid-cols-4">
      <ShareList title="Income band" shares={profile.incomeBands} />
      <ShareList title="Age" shares={profile.ageBands} />
      <ShareList title="Gender" shares={profile.genders} />
      <ShareList title="Top countries" shares={profile.topCountries} />
    </div>
  );
}
