import { LOCAL_TABLE_NAME } from '../../shared/config';
import { dynamoCall } from '../lib/http';
import { runConcurrently } from '../lib/stats';

/** The faults are really there: raw GetItem calls, no SDK and no retries, straight to dynalite. */
export async function probeFaults(endpoint: string): Promise<{ sent: number; throttled: number }> {
  const probes = { sent: 400, throttled: 0 };
  await runConcurrently(
    8,
    async () => {
      const response = await dynamoCall<{ __type?: string }>(endpoint, 'GetItem', {
        TableName: LOCAL_TABLE_NAME,
        Key: { pk: { S: 'CHAOS#probe' }, sk: { S: 'PROBE' } },
      });
      if (response.status === 400 && String(response.body?.__type).includes('ProvisionedThroughput'))
        probes.throttled++;
    },
    { count: probes.sent },
  );
  return probes;
}

/**
 * The errors workflow steps failed with, from the engine's journal (each step keeps its failed
 * attempts): the throttling that got past the SDK's own retries and was absorbed by the Retry.
 */
export async function stepFailures(endpoint: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let ExclusiveStartKey: unknown;
  for (;;) {
    const page = await dynamoCall<{
      Items?: { failures?: { L?: { M?: { error?: { S?: string } } }[] } }[];
      LastEvaluatedKey?: unknown;
    }>(endpoint, 'Scan', {
      TableName: 'local-step-functions',
      ExclusiveStartKey,
      ProjectionExpression: 'failures',
    });
    // The injected faults hit this scan too: a throttled page is asked for again.
    if (page.status !== 200) continue;
    for (const item of page.body.Items ?? []) {
      for (const failure of item.failures?.L ?? []) {
        const error = failure.M?.error?.S ?? 'unknown';
        counts[error] = (counts[error] ?? 0) + 1;
      }
    }
    ExclusiveStartKey = page.body.LastEvaluatedKey;
    if (!ExclusiveStartKey) return counts;
  }
}
