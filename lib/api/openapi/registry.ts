import type { ApiOperation } from '../operation';
import * as agents from '../operations/agents';
import * as audit from '../operations/audit';
import * as billing from '../operations/billing';
import * as channels from '../operations/channels';
import * as clients from '../operations/clients';
import * as clientMembers from '../operations/client-members';
import * as sendingDomain from '../operations/sending-domain';
import * as emailTemplates from '../operations/email-templates';
import * as events from '../operations/events';
import * as masking from '../operations/masking';
import * as onboardingLinks from '../operations/onboarding-links';
import * as partner from '../operations/partner';
import * as recordings from '../operations/recordings';
import * as flows from '../operations/flows';
import * as registrations from '../operations/registrations';
import * as voiceBots from '../operations/voice-bots';
import * as support from '../operations/support';
import * as webhooks from '../operations/webhooks';
import * as whatsapp from '../operations/whatsapp';
import * as numbers from '../operations/numbers';
import * as invoices from '../operations/invoices';
import * as usage from '../operations/usage';
import * as provisioning from '../operations/provisioning';
import * as plans from '../operations/plans';
import * as sandbox from '../operations/sandbox';

/**
 * Every REST operation, for the OpenAPI document. A test fails when a route file under app/api/v1 serves a
 * path or method that is missing here. Add each new operations module to this list.
 */
const modules: Record<string, unknown>[] = [partner, clients, registrations, onboardingLinks, webhooks, events, audit, billing, emailTemplates, clientMembers, sendingDomain, channels, whatsapp, agents, voiceBots, recordings, support, numbers, masking, invoices, flows, usage, provisioning, plans, sandbox];

export const allOperations: ApiOperation[] = modules.flatMap((module) =>
  Object.values(module).filter((value): value is ApiOperation => typeof value === 'object' && value !== null && 'operationId' in value && 'method' in value),
);
