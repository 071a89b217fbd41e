import type { Metadata } from 'next';
import { ActionForm, ActionTextField } from '@/components/console/action-form';
import { ConfirmAction } from '@/components/console/confirm-action';
import { ShownOnce } from '@/components/console/shown-once';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { outranks, roleLabels } from '@/lib/auth/permissions';
import { requireStaffSession } from '@/lib/auth/session';
import { listTeam } from '@/lib/team/list-team';
import { addTeamMemberAction, changeRoleAction, removeTeamMemberAction, resendInviteAction, resetPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Team' };

const stateLabels = { active: 'active', invited: 'invited', invite_expired: 'invitation expired' } as const;

export default async function TeamPage() {
  const { ctx, user } = await requireStaffSession();
  const team = await listTeam(ctx);
  const canManage = user.role !== 'member';
  const assignable = (['member', 'admin', 'owner'] as const).filter((role) => outranks(user.role, role));
  return (
    <>
      <PageHeader title="Team" description="People who can sign in to this console." />
      <Card>
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">Name</th>
                <th scope="col" className="py-2 pr-4 font-medium">E-mail</th>
                <th scope="col" className="py-2 pr-4 font-medium">Role</th>
                <th scope="col" className="py-2 pr-4 font-medium">Status</th>
                <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {team.map((member) => {
                const manageable = canManage && member.id !== user.id && outranks(user.role, member.role);
                return (
                  <tr key={member.id} data-testid={`member-${member.email}`}>
                    <td className="py-2 pr-4">{member.name}{member.id === user.id ? ' (you)' : ''}</td>
                    <td className="py-2 pr-4">{member.email}</td>
                    <td className="py-2 pr-4">
                      {manageable ? (
                        <ActionForm action={changeRoleAction} className="flex items-center gap-2">
                          <input type="hidden" name="userId" value={member.id} />
                          <label className="sr-only" htmlFor={`role-${member.id}`}>Role of {member.name}</label>
                          <Select id={`role-${member.id}`} name="role" defaultValue={member.role} className="h-8 w-28">
                            {assignable.map((role) => <option key={role} value={role}>{roleLabels[role]}</option>)}
                          </Select>
                          <SubmitButton size="sm" variant="secondary">Change</SubmitButton>
                        </ActionForm>
                      ) : (
                        roleLabels[member.role]
                      )}
                    </td>
                    <td className="py-2 pr-4"><Badge tone={member.state === 'active' ? 'success' : 'warning'}>{stateLabels[member.state]}</Badge></td>
                    <td className="py-2 text-right">
                      {manageable ? (
                        <div className="flex flex-col items-end gap-2">
                          {member.state !== 'active' ? (
                            // The new link is shown here once, as when inviting; the old one stops working.
                            <ActionForm action={resendInviteAction} toastSuccess={false} className="flex max-w-md flex-col items-end gap-2 text-left">
                              <input type="hidden" name="userId" value={member.id} />
                              <ShownOnce />
                              <SubmitButton size="sm" variant="secondary">Resend invitation</SubmitButton>
                            </ActionForm>
                          ) : (
                            // A temporary password, shown here once; they choose their own at the next sign-in.
                            <ActionForm action={resetPasswordAction} toastSuccess={false} className="flex max-w-md flex-col items-end gap-2 text-left">
                              <input type="hidden" name="userId" value={member.id} />
                              <ShownOnce />
                              <SubmitButton size="sm" variant="secondary">Reset password</SubmitButton>
                            </ActionForm>
                          )}
                          <ConfirmAction action={removeTeamMemberAction} fields={{ userId: member.id }} triggerLabel="Remove" triggerSize="sm" triggerVariant="ghost" tone="danger" title={`Remove ${member.name}?`} description="They lose access to this console at once." confirmLabel="Remove" />
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
      {canManage ? (
        <Card title="Add a team member" className="mt-6">
          <ActionForm action={addTeamMemberAction} toastSuccess={false} className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2"><ShownOnce /></div>
            <ActionTextField label="Name" name="name" required autoComplete="off" />
            <ActionTextField label="E-mail" name="email" type="email" required autoComplete="off" />
            <FormField label="Role" name="role">
              {(control) => (
                <Select {...control} defaultValue="member">
                  {assignable.map((role) => <option key={role} value={role}>{roleLabels[role]}</option>)}
                </Select>
              )}
            </FormField>
            <FormField label="How they get access" name="delivery">
              {(control) => (
                <Select {...control} defaultValue="invite">
                  <option value="invite">Invitation link (they choose a password)</option>
                  <option value="password">Temporary password (shown once)</option>
                </Select>
              )}
            </FormField>
            <div className="sm:col-span-2"><SubmitButton>Add member</SubmitButton></div>
          </ActionForm>
        </Card>
      ) : null}
    </>
  );
}
