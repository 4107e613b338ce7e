import type { ReactNode } from 'react';

export function Card({ title, description, actions, children, className = '', headingLevel = 'h2' }: {
  title?: ReactNode;
  headingLevel?: 'h1' | 'h2';
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const Heading = headingLevel;
  return (
    <section className={`rounded-lg bg-white p-5 shadow-sm ring-1 ring-gray-200 ${className}`}>
      {(title || actions) && (
        <header className="mb-4 flex items-start justify-between gap-4">
          <div>
            {title && <Heading className="text-base font-semibold text-gray-900">{title}</Heading>}
            {description && <p className="mt-0.5 text-sm text-gray-500">{description}</p>}
          </div>
          {actions}
        </header>
      )}
      {children}
    </section>
  );
}

export function Stat({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-gray-200">
      <dt className="text-sm font-medium text-gray-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight text-gray-900" data-stat={label}>
        {value}
      </dd>
      {detail && <dd className="mt-1 text-xs text-gray-500">{detail}</dd>}
    </div>
  );
}
