import type { ReactNode } from 'react';
import { cn } from './cn';

export type CardProps = {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Heading level of the title; pick the one that fits the page outline (PageHeader owns the h1). */
  titleAs?: 'h2' | 'h3';
  className?: string;
  children?: ReactNode;
};

export function Card({ title, description, actions, titleAs: Title = 'h2', className, children }: CardProps) {
  const hasHeader = title || description || actions;
  return (
    <section className={cn('rounded-lg border border-slate-200 bg-white shadow-sm', className)}>
      {hasHeader ? (
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-4 py-3 sm:px-6">
          <div className="min-w-0">
            {title ? <Title className="text-base font-semibold text-slate-900">{title}</Title> : null}
            {description ? <p className="mt-0.5 text-sm text-slate-600">{description}</p> : null}
          </div>
          {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
        </div>
      ) : null}
      {children ? <div className="px-4 py-4 sm:px-6">{children}</div> : null}
    </section>
  );
}
