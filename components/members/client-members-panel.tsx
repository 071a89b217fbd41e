import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { ConfirmAction } from '@/components/console/confirm-action';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Select } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions/form-state';
import type { ClientMemberView } from '@/lib/client-members/manage-client-members';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  members: ClientMemberView[];
  /** The client the forms act on (a hidden field; the portal's actions ignore it and use the member's own). */
  clientId: string;
  canManage: boolean;
  /** The signed-in member, who cannot change their own membership. */
  selfId?: string;
  actions: { invite: Action; changeRole: Action; remove: Action };
};

const roleOptions = [
  { value: 'member', label: 'Member' },
  { value: 'owner', label: 'Owner' },
] as const;

/**
 * A client's members, as a list that reads on a phone as well as on a desk: the portal (for the client's owners)
 * and the partner's console (on the client's page) show the same panel with their own actions.
 */
export function ClientMembersPanel({ members, clientId, canManage, selfId, actions }: Props) {
  return (
    <>
      <Card title="Members" description="Owners manage the account’s members; members use its services. The account always keeps one owner.">
        <ul className="divide-y divide-slate-100" aria-label="Members">
          {members.map((member) => {
            const manageable = canManage && member.id !== selfId;
            return (
              <li key={member.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid={`client-member-${member.email}`}>
                <div className="min-w-0">
                  <p className="font-medium">
                    {member.name}
                    {member.id === selfId ? ' (you)' : ''}
                  </p>
                  <p className="text-sm break-all text-slate-600">{member.email}</p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={member.status === 'active' ? 'success' : 'warning'}>{member.status === 'active' ? 'Active' : 'Invited'}</Badge>
                  {manageable ? (
                    <>
                      <ActionForm action={actions.changeRole} className="flex items-center gap-2">
                        <input type="hidden" name="client_id" value={clientId} />
                        <input type="hidden" name="member_id" value={member.id} />
                        <label className="sr-only" htmlFor={`role-${member.id}`}>
                          Role of {member.name}
                        </label>
                        <Select id={`role-${member.id}`} name="role" defaultValue={member.role} className="h-8 w-28">
                          {roleOptions.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </Select>
                        <SubmitButton size="sm" variant="secondary">
                          Change
                        </SubmitButton>
                      </ActionForm>
                      <ConfirmAction
                        action={actions.remove}
                        fields={{ client_id: clientId, member_id: member.id }}
                        triggerLabel="Remove"
                        triggerSize="sm"
                        triggerVariant="ghost"
                        tone="danger"
                        title={`Remove ${member.name}?`}
                        description={member.status === 'active' ? 'They are signed out at once and can no longer sign in.' : 'Their invitation stops working.'}
                        confirmLabel="Remove"
                      />
                    </>
                  ) : (
                    <span className="text-sm text-slate-700">{member.role === 'owner' ? 'Owner' : 'Member'}</span>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </Card>
      {canManage ? (
        <Card title="Invite a member" description="They get an e-mail with a link, valid for 7 days, where they choose their password.">
          <ActionForm action={actions.invite} className="grid gap-4 sm:grid-cols-2">
            <input type="hidden" name="client_id" value={clientId} />
            <ActionTextField label="Name" name="name" required autoComplete="off" />
            <ActionTextField label="E-mail" name="email" type="email" required autoComplete="off" />
            <ActionSelectField label="Role" name="role" options={roleOptions} defaultValue="member" />
            <div className="sm:col-span-2">
              <SubmitButton>Send invitation</SubmitButton>
            </div>
          </ActionForm>
        </Card>
      ) : null}
    </>
  );
}
