import { cn } from './cn';

export type StepperStep = { id: string; label: string };

export type StepperProps = {
  steps: readonly StepperStep[];
  /** Id of the current step; an unknown id is treated as the first step. */
  current: string;
  label?: string;
  className?: string;
};

export function Stepper({ steps, current, label = 'Progress', className }: StepperProps) {
  const currentIndex = Math.max(0, steps.findIndex((step) => step.id === current));
  return (
    <nav aria-label={label} className={className}>
      {/* Small screens have no room for every label, so they get a one-line summary instead. */}
      <p className="mb-2 text-sm font-medium text-slate-700 sm:hidden">
        Step {currentIndex + 1} of {steps.length}
        {steps[currentIndex] ? <span className="text-slate-500">: {steps[currentIndex].label}</span> : null}
      </p>
      <ol className="flex items-center gap-2 sm:gap-4">
        {steps.map((step, index) => {
          const state = index < currentIndex ? 'complete' : index === currentIndex ? 'current' : 'upcoming';
          return (
            <li key={step.id} aria-current={state === 'current' ? 'step' : undefined} className="flex min-w-0 flex-1 items-center gap-2">
              <span
                aria-hidden="true"
                className={cn(
                  'flex size-7 shrink-0 items-center justify-center rounded-full border-2 text-xs font-semibold',
                  state === 'complete' && 'border-brand bg-brand text-brand-contrast',
                  state === 'current' && 'border-brand bg-white text-slate-900',
                  state === 'upcoming' && 'border-slate-300 bg-white text-slate-500',
                )}
              >
                {state === 'complete' ? '✓' : index + 1}
              </span>
              {/* Labels stay in the accessibility tree on small screens; they are only hidden visually. */}
              <span className={cn('sr-only truncate text-sm sm:not-sr-only', state === 'upcoming' ? 'text-slate-500' : 'font-medium text-slate-900')}>
                {step.label}
                {state === 'complete' ? (
                  <>
                    {' '}
                    <span className="sr-only">completed</span>
                  </>
                ) : null}
              </span>
              {index < steps.length - 1 ? (
                <span aria-hidden="true" className={cn('h-0.5 min-w-4 flex-1 rounded', index < currentIndex ? 'bg-brand' : 'bg-slate-200')} />
              ) : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
