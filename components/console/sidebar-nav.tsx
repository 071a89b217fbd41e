'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import type { NavItem } from './nav-items';

export function SidebarNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // On a partner host the browser path is the public one ("/team"), whatever the internal rewrite was.
  const isActive = (href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label="Console">
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        {items.map((item) => (
          <li key={item.href}>
            {item.enabled ? (
              <Link
                href={item.href}
                aria-current={isActive(item.href) ? 'page' : undefined}
                className={cn(
                  'block rounded-md px-3 py-2 text-sm whitespace-nowrap',
                  isActive(item.href) ? 'bg-brand text-brand-contrast' : 'text-brand-secondary-contrast/90 hover:bg-white/10',
                )}
              >
                {item.label}
              </Link>
            ) : (
              <span aria-disabled="true" title="Coming soon" className="block cursor-not-allowed rounded-md px-3 py-2 text-sm whitespace-nowrap text-brand-secondary-contrast/45">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
