import { sql } from 'drizzle-orm';
import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { agents, recordings, voiceBots } from './agents';
import { clients } from './clients';
import { createdAt, idColumn, updatedAt } from './columns';
import { numbers } from './numbers';
import { partners } from './partners';

/**
 * A client's basic call flow: welcome recording, then the agent at `agent_extension` (or a voice bot first),
 * and the transfer target when nobody answers or the bot fails. `transfer_to` is another extension of the
 * client or an outside number in E.164.
 */
export const flows = pgTable(
  'flows',
  {
    id: idColumn('flow'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    welcomeRecordingId: text('welcome_recording_id').references(() => recordings.id, { onDelete: 'set null' }),
    agentExtension: text('agent_extension').notNull(),
    transferTo: text('transfer_to'),
    botId: text('bot_id').references(() => voiceBots.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('flows_client_name_key').on(t.clientId, t.name),
    index('flows_partner_id_idx').on(t.partnerId, t.id),
    index('flows_partner_client_idx').on(t.partnerId, t.clientId, t.id),
  ],
);

/**
 * Which flow a number runs, as a history: the open row (`unmapped_at` null) is the current one, and the partial
 * unique index makes "a number runs one flow" hold however many mappings race.
 */
export const flowMappings = pgTable(
  'flow_mappings',
  {
    id: idColumn('flowMapping'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    numberId: text('number_id')
      .notNull()
      .references(() => numbers.id, { onDelete: 'cascade' }),
    flowId: text('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    mappedAt: timestamp('mapped_at', { withTimezone: true }).notNull().defaultNow(),
    unmappedAt: timestamp('unmapped_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('flow_mappings_current_key').on(t.numberId).where(sql`${t.unmappedAt} is null`),
    index('flow_mappings_partner_number_idx').on(t.partnerId, t.numberId, t.id),
    index('flow_mappings_partner_flow_idx').on(t.partnerId, t.flowId, t.id),
  ],
);

export const flowCallStatus = pgEnum('flow_call_status', ['in_progress', 'completed']);

/** One step of a call's path through its flow, in order. */
export type FlowStep = { step: string; at: string; detail?: string };

/**
 * One inbound call that ran a flow: the path it took (`path`, in order) and how it ended. Its legs are the
 * call records with the same `carrier_call_id`.
 */
export const flowCalls = pgTable(
  'flow_calls',
  {
    id: idColumn('flowCall'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    numberId: text('number_id').references(() => numbers.id, { onDelete: 'set null' }),
    flowId: text('flow_id').references(() => flows.id, { onDelete: 'set null' }),
    carrierCallId: text('carrier_call_id').notNull(),
    number: text('number').notNull(),
    fromNumber: text('from_number').notNull(),
    /** Where the call is now: `closed`, `bot`, `agent`, `transfer`, or `done`. */
    stage: text('stage').notNull(),
    /** The outbound leg the current stage is waiting on: a late event of an earlier leg moves nothing. */
    activeLegId: text('active_leg_id'),
    agentId: text('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    /** How it ended: `agent`, `bot`, `transfer`, `closed`, `holiday`, `abandoned`, `unreachable`. */
    outcome: text('outcome'),
    path: jsonb('path').$type<FlowStep[]>().notNull(),
    status: flowCallStatus('status').notNull().default('in_progress'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('flow_calls_call_key').on(t.partnerId, t.carrierCallId),
    index('flow_calls_partner_id_idx').on(t.partnerId, t.id),
    index('flow_calls_partner_flow_idx').on(t.partnerId, t.flowId, t.id),
    index('flow_calls_partner_number_idx').on(t.partnerId, t.numberId, t.id),
  ],
);

export type Flow = typeof flows.$inferSelect;
export type FlowMapping = typeof flowMappings.$inferSelect;
export type FlowCall = typeof flowCalls.$inferSelect;
