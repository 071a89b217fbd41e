import { toUpgradeResult, upgradeTemplateOperation } from '@/lib/api/operations/provisioning';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { upgradeClients } from '@/lib/provisioning/upgrade';

// POST /api/v1/provisioning_templates/:template_id/upgrade – upgrade installed clients
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(upgradeTemplateOperation, async ({ ctx, params, body, request }) => {
    const report = await upgradeClients(ctx, params.template_id, body, { idempotencyKey: request.headers.get('idempotency-key') ?? undefined });
    return { object: 'template_upgrade', template_id: report.templateId, version: report.version, dry_run: report.dryRun, summary: report.summary, results: report.results.map(toUpgradeResult) };
  }),
});
