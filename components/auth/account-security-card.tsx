import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { FormState } from '@/lib/actions/form-state';
import { SignOutButton } from './sign-out-button';

/** The signed-in person's own account: change the password, or end every session of it at once. */
export function AccountSecurityCard({ email, passwordHref, signOutEverywhere, className }: { email: string; passwordHref: string; signOutEverywhere: (state: FormState) => Promise<FormState>; className?: string }) {
  return (
    <Card title="Your account" description={`Signed in as ${email}.`} className={className}>
      <div className="flex flex-wrap items-center gap-3">
        <a href={passwordHref} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
          Change password
        </a>
        <SignOutButton action={signOutEverywhere} label="Sign out everywhere" variant="secondary" />
      </div>
      <p className="mt-3 text-sm text-slate-600">Sign out everywhere ends every session of this account at once, on every device and browser, this one included.</p>
    </Card>
  );
}
