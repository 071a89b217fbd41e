import { whatsappSimulatorRules } from '@/lib/providers/whatsapp-cloud/simulator';

/** In test mode (and until the Meta app is configured), which tokens and ids reach each of Meta's answers. */
export function WhatsappSimulatorHints() {
  return (
    <details className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <summary className="cursor-pointer font-medium">Simulated Cloud API: magic tokens</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {whatsappSimulatorRules.tokens.map((rule) => (
          <li key={rule.when}>
            A token that {rule.when}: {rule.outcome}
          </li>
        ))}
        {whatsappSimulatorRules.phoneNumbers.map((rule) => (
          <li key={rule.when}>
            A phone number id where {rule.when}: {rule.outcome}
          </li>
        ))}
      </ul>
    </details>
  );
}
