import type { ComponentProps } from 'react';
import { cn } from './cn';
import { controlClasses } from './input';

export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={cn(controlClasses, 'pr-8', className)} {...props} />;
}
