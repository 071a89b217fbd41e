import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';
import { Input } from './input';

/** What a control needs so its label, hint and error are announced with it. Spread it onto the control. */
export type FieldControlProps = {
  id: string;
  name: string;
  required?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
};

export type FormFieldProps = {
  label: ReactNode;
  name: string;
  /** Defaults to `name`; set it when the same form appears twice on a page. */
  id?: string;
  error?: string | null;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

export function FormField({ label, name, id = name, error, hint, required, className, children }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('space-y-1.5', className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required ? (
          <span aria-hidden="true" className="text-red-700">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children({ id, name, required, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {/* No role="alert": Next's route announcer already owns that role, and the message is reachable via aria-describedby. */}
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export type TextFieldProps = Omit<ComponentProps<'input'>, 'id' | 'name' | 'children'> &
  Pick<FormFieldProps, 'label' | 'name' | 'id' | 'error' | 'hint'> & { fieldClassName?: string };

/** Label + Input + hint + error in one go; every other prop (type, defaultValue, autoComplete…) goes to the input. */
export function TextField({ label, name, id, error, hint, required, fieldClassName, ...inputProps }: TextFieldProps) {
  return (
    <FormField label={label} name={name} id={id} error={error} hint={hint} required={required} className={fieldClassName}>
      {(control) => <Input {...inputProps} {...control} />}
    </FormField>
  );
}
