import { ActionSelectField, ActionTextField } from '@/components/console/action-form';
import type { Flow } from '@/lib/flows/manage-flows';

type Choice = { value: string; label: string };

/** The fields of a flow, for the add form and the edit form alike. */
export function FlowFields({ flow, recordings, bots }: { flow?: Flow; recordings: Choice[]; bots: Choice[] }) {
  return (
    <>
      <ActionTextField label="Name" name="name" required={!flow} defaultValue={flow?.name} autoComplete="off" maxLength={100} />
      <ActionTextField label="Agent extension" name="agentExtension" required={!flow} defaultValue={flow?.agentExtension} autoComplete="off" inputMode="numeric" hint="The client’s agent who takes the calls." />
      <ActionTextField label="Transfer to" name="transferTo" defaultValue={flow?.transferTo ?? ''} autoComplete="off" placeholder="+919876543210 or 2002" hint="When the agent does not answer, is busy or away, or the bot fails." />
      <ActionSelectField label="Welcome recording" name="welcomeRecordingId" defaultValue={flow?.welcomeRecordingId ?? ''} options={[{ value: '', label: 'None' }, ...recordings]} />
      <ActionSelectField label="Voice bot first" name="botId" defaultValue={flow?.botId ?? ''} options={[{ value: '', label: 'None' }, ...bots]} hint="Needs a transfer target for when it fails." />
    </>
  );
}
