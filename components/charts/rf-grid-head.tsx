/** The header row of an R × F grid: the corner, then a column per F score. */
export function RfGridHead({ scores }: { scores: readonly number[] }) {
  return (
    <thead>
      <tr>
        <th scope="col" className="w-16 text-left font-medium text-gray-500">
          R \ F
        </th>
        {scores.map((f) => (
          <th key={f} scope="col" className="font-medium text-gray-500">
            F {f}
          </th>
        ))}
      </tr>
    </thead>
  );
}
