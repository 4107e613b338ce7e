import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMN_KEYS, EXPORT_COLUMNS } from '@/lib/segments/export-members';

/** A plain GET form: the browser downloads the CSV the export route streams. */
export function ExportForm({ href }: { href: string }) {
  return (
    <form action={href} method="get" className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-gray-900">Columns</legend>
        <div className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
          {EXPORT_COLUMN_KEYS.map((key) => (
            <label key={key} className="flex items-center gap-2">
              <input type="checkbox" name="column" value={key} defaultChecked={DEFAULT_EXPORT_COLUMNS.includes(key)} className="rounded border-gray-300 text-indigo-600" />
              {EXPORT_COLUMNS[key].label}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="consent" value="include" className="mt-0.5 rounded border-gray-300 text-indigo-600" />
        <span>
          Include customers without marketing consent
          <span className="block text-xs text-gray-500">Off by default: only customers who agreed to marketing are exported.</span>
        </span>
      </label>
      <button type="submit" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500">
        Download CSV
      </button>
    </form>
  );
}
