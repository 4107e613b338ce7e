import { useState, type ReactNode } from 'react';
import type { ValueShape } from './condition-options';
import { formatList, parseList, type ConditionValue } from './rule-tree';

export const controlClass =
  'block rounded-md border-0 px-3 py-2 text-sm text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 placeholder:text-gray-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid]:ring-red-500 disabled:cursor-not-allowed disabled:bg-gray-50 disabled:text-gray-500';

type ControlProps = {
  id: string;
  /** The accessible name; visually hidden because the row reads as a sentence. */
  label: string;
  invalid?: boolean;
  describedBy?: string;
  className?: string;
};

function HiddenLabel({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="sr-only">
      {children}
    </label>
  );
}

export function SelectInput({
  id,
  label,
  invalid,
  describedBy,
  className = '',
  value,
  onChange,
  children,
  focusKey,
}: ControlProps & { value: string; onChange: (value: string) => void; children: ReactNode; focusKey?: string }) {
  return (
    <>
      <HiddenLabel htmlFor={id}>{label}</HiddenLabel>
      <select
        id={id}
        value={value}
        data-focus={focusKey}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.currentTarget.value)}
        className={`${controlClass} pr-8${className ? ` ${className}` : ''}`}
      >
        {children}
      </select>
    </>
  );
}

/** Empty input is NaN in the rule (sent as null), so the server's "must be a finite number" explains it. */
export function NumberInput({
  id,
  label,
  invalid,
  describedBy,
  className = 'w-28',
  value,
  onChange,
  step = 'any',
  min,
  max,
}: ControlProps & { value: number; onChange: (value: number) => void; step?: number | 'any'; min?: number; max?: number }) {
  return (
    <>
      <HiddenLabel htmlFor={id}>{label}</HiddenLabel>
      <input
        id={id}
        type="number"
        step={step}
        min={min}
        max={max}
        value={Number.isFinite(value) ? String(value) : ''}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.currentTarget.valueAsNumber)}
        className={`${controlClass} ${className}`}
      />
    </>
  );
}

export function TextInput({
  id,
  label,
  invalid,
  describedBy,
  className = 'w-48',
  value,
  onChange,
  type = 'text',
  list,
  placeholder,
}: ControlProps & { value: string; onChange: (value: string) => void; type?: 'text' | 'date'; list?: string; placeholder?: string }) {
  return (
    <>
      <HiddenLabel htmlFor={id}>{label}</HiddenLabel>
      <input
        id={id}
        type={type}
        value={value}
        list={list}
        placeholder={placeholder}
        autoComplete="off"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.currentTarget.value)}
        className={`${controlClass} ${className}`}
      />
    </>
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * Comma-separated values, previewed as chips, with optional suggestions to toggle in and out. It keeps its
 * own draft text so typing "DE, " is not rewritten to "DE" on the next render, and takes the rule's list
 * again only when that changes from outside.
 */
export function ListInput({
  id,
  label,
  invalid,
  describedBy,
  className = 'w-64',
  values,
  onChange,
  suggestions,
}: ControlProps & { values: readonly string[]; onChange: (values: string[]) => void; suggestions?: readonly string[] }) {
  const [draft, setDraft] = useState(() => formatList(values));
  const [syncedValues, setSyncedValues] = useState(values);
  if (syncedValues !== values) {
    setSyncedValues(values);
    if (!sameList(parseList(draft), values)) setDraft(formatList(values));
  }
  const hintId = `${id}-hint`;
  const change = (next: string[]) => {
    setDraft(formatList(next));
    onChange(next);
  };
  return (
    <div className="flex flex-col gap-1">
      <HiddenLabel htmlFor={id}>{label}</HiddenLabel>
      <input
        id={id}
        type="text"
        value={draft}
        placeholder="e.g. DE, FR, NL"
        autoComplete="off"
        aria-invalid={invalid || undefined}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        onChange={(event) => {
          const text = event.currentTarget.value;
          setDraft(text);
          onChange(parseList(text));
        }}
        className={`${controlClass} ${className}`}
      />
      <span id={hintId} className="sr-only">
        Separate values with commas.
      </span>
      {suggestions && suggestions.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-indigo-600 hover:text-indigo-500">Choose from the list</summary>
          <div role="group" aria-label={`Suggested ${label.toLowerCase()}`} className="mt-1 flex max-w-64 flex-wrap gap-1">
            {suggestions.map((suggestion) => {
              const chosen = values.includes(suggestion);
              return (
                <button
                  key={suggestion}
                  type="button"
                  aria-pressed={chosen}
                  onClick={() => change(chosen ? values.filter((item) => item !== suggestion) : [...values, suggestion])}
                  className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
                    chosen ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white text-gray-700 ring-gray-300 hover:bg-gray-50'
                  }`}
                >
                  {suggestion}
                </button>
              );
            })}
          </div>
        </details>
      )}
      {values.length > 0 && (
        <ul aria-hidden="true" className="flex max-w-64 flex-wrap gap-1">
          {values.map((item, i) => (
            <li key={`${i}-${item}`} className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200">
              {item}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Connecting words between a row's controls ("and", "days"); the controls' own labels carry the meaning. */
export function Connective({ children }: { children: ReactNode }) {
  return (
    <span aria-hidden="true" className="text-sm text-gray-600">
      {children}
    </span>
  );
}

type ValueInputsProps = {
  idBase: string;
  shape: ValueShape;
  value: unknown;
  onChange: (value: ConditionValue) => void;
  /** A datalist id for one text value, and the same names as toggles for a list of values. */
  list?: string;
  suggestions?: readonly string[];
  invalid: boolean;
  describedBy: string | undefined;
};

/** The inputs for a condition's value, by the shape its operator takes; none for `is empty` and boolean operators. */
export function ValueInputs({ idBase, shape, value, onChange, list, suggestions, invalid, describedBy }: ValueInputsProps) {
  const common = { invalid, describedBy };
  const number = typeof value === 'number' ? value : Number.NaN;
  const text = typeof value === 'string' ? value : '';
  switch (shape) {
    case 'number':
      return <NumberInput id={idBase} label="Value" value={number} onChange={onChange} {...common} />;
    case 'range': {
      const [min, max] = Array.isArray(value) ? (value as [number, number]) : [Number.NaN, Number.NaN];
      return (
        <>
          <NumberInput id={`${idBase}-min`} label="Minimum" value={min} onChange={(next) => onChange([next, max])} {...common} />
          <Connective>and</Connective>
          <NumberInput id={`${idBase}-max`} label="Maximum" value={max} onChange={(next) => onChange([min, next])} {...common} />
        </>
      );
    }
    case 'percent':
      return (
        <>
          <NumberInput id={idBase} label="Percent" className="w-24" min={0} max={100} value={number} onChange={onChange} {...common} />
          <Connective>%</Connective>
        </>
      );
    case 'days':
      return (
        <>
          <NumberInput id={idBase} label="Days" className="w-24" step={1} min={1} value={number} onChange={onChange} {...common} />
          <Connective>days</Connective>
        </>
      );
    case 'text':
      return <TextInput id={idBase} label="Value" list={list} value={text} onChange={onChange} {...common} />;
    case 'list':
      return (
        <ListInput
          id={idBase}
          label="Values"
          values={Array.isArray(value) ? (value as string[]) : []}
          suggestions={suggestions}
          onChange={onChange}
          {...common}
        />
      );
    case 'date':
      return <TextInput id={idBase} type="date" label="Date" className="w-40" value={text} onChange={onChange} {...common} />;
    case 'none':
      return null;
  }
}
