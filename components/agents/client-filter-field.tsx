import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';

/** The "Client" choice of a filter form (GET): all clients, or one of them. */
export function ClientFilterField({ clients, value }: { clients: readonly { id: string; name: string }[]; value: string | undefined }) {
  return (
    <FormField label="Client" name="client" className="w-full sm:w-64">
      {(control) => (
        <Select {...control} defaultValue={value ?? ''}>
          <option value="">All clients</option>
          {clients.map((client) => (
            <option key={client.id} value={client.id}>
              {client.name}
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}
