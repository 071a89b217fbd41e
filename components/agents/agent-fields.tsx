import { ActionSelectField, ActionTextField } from '@/components/console/action-form';

type Option = { value: string; label: string };

export type AgentDefaults = {
  name?: string;
  email?: string;
  phone?: string;
  extension?: string;
  managerId?: string | null;
  reportingManagerId?: string | null;
  webrtc?: boolean;
  dialPreference?: string;
  permissionGroup?: string;
};

/** The agent form's fields, shared by "Add an agent" and an agent's page; errors beside each field. */
export function AgentFields({ managers, defaults = {}, editing = false }: { managers: readonly Option[]; defaults?: AgentDefaults; editing?: boolean }) {
  const managerOptions = [{ value: '', label: 'None' }, ...managers];
  return (
    <>
      <ActionTextField label="Name" name="name" required autoComplete="off" maxLength={100} defaultValue={defaults.name} />
      <ActionTextField label="E-mail" name="email" type="email" required autoComplete="off" defaultValue={defaults.email} />
      <ActionTextField label="Phone" name="phone" type="tel" required autoComplete="off" hint="In international form, e.g. +919876543210." defaultValue={defaults.phone} />
      <ActionTextField
        label={editing ? 'New password' : 'Password'}
        name="password"
        type="password"
        required={!editing}
        autoComplete="new-password"
        hint={editing ? 'Leave empty to keep the current one.' : 'For the agent’s softphone sign-in: at least 10 characters, letters with digits or symbols.'}
      />
      <ActionTextField label="Extension" name="extension" inputMode="numeric" autoComplete="off" hint={editing ? undefined : 'Optional: the lowest free one in the client’s range is given.'} defaultValue={defaults.extension} />
      <ActionSelectField label="Permission group" name="permissionGroup" options={[{ value: 'agent', label: 'Agent' }, { value: 'supervisor', label: 'Supervisor' }, { value: 'admin', label: 'Admin' }]} defaultValue={defaults.permissionGroup ?? 'agent'} />
      <ActionSelectField label="Manager" name="managerId" options={managerOptions} defaultValue={defaults.managerId ?? ''} />
      <ActionSelectField label="Reporting manager" name="reportingManagerId" options={managerOptions} defaultValue={defaults.reportingManagerId ?? ''} />
      <ActionSelectField label="Dial preference" name="dialPreference" options={[{ value: 'webrtc', label: 'WebRTC (browser)' }, { value: 'phone', label: 'Phone' }]} defaultValue={defaults.dialPreference ?? 'webrtc'} />
      <ActionSelectField label="WebRTC" name="webrtc" options={[{ value: 'on', label: 'On' }, { value: 'off', label: 'Off' }]} defaultValue={defaults.webrtc === false ? 'off' : 'on'} />
    </>
  );
}
