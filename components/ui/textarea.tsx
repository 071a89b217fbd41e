import type { ComponentProps } from 'react';
import { cn } from './cn';
import { controlClasses } from './input';

export function Textarea({ className, rows = 3, ...props }: ComponentProps<'textarea'>) {
  return <textarea rows={rows} className={cn(controlClasses, className)} {...props} />;
}
