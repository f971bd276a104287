import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalEventBus } from './event-bus';

interface PutEventsEntry {
  EventBusName?: string;
  Source?: string;
  DetailType?: string;
  Detail?: string;
  Resources?: string[];
  Time?: number;
}

/**
 * EventBridge's PutEvents over the JSON protocol the SDK speaks (AWS_ENDPOINT_URL_EVENTBRIDGE), onto the
 * runtime's buses by name. As EventBridge does, an entry for a bus that does not exist, or without a
 * source, detail type or JSON detail, is refused in its own place of the answer, not the whole call. An
 * entry is answered with its event id only once the bus has kept the event (local/event-bus.ts); one
 * the bus could not keep is answered InternalFailure, EventBridge's code for an entry to send again.
 */
export async function startEventBridgeServer(
  buses: ReadonlyMap<string, LocalEventBus>,
): Promise<{ server: Server; url: string; failNext: (calls: number) => void }> {
  let failing = 0;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify(body));
    };
    const target = String(request.headers['x-amz-target'] ?? '');
    if (target !== 'AWSEvents.PutEvents')
      return reply(400, { __type: 'UnknownOperationException', message: `Only PutEvents is served locally` });
    if (failing > 0) {
      failing--;
      return reply(500, {
        __type: 'InternalException',
        message: 'EventBridge is unavailable (injected fault)',
      });
    }
    const { Entries = [] } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
      Entries?: PutEventsEntry[];
    };
    if (Entries.length === 0 || Entries.length > 10)
      return reply(400, { __type: 'ValidationException', message: 'PutEvents takes 1 to 10 entries' });
    const answered = await Promise.all(
      Entries.map(async (entry) => {
        const bus = buses.get(entry.EventBusName ?? 'default');
        if (!bus) return { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'No such event bus' };
        const detail = parseDetail(entry.Detail);
        if (!entry.Source || !entry.DetailType || !detail)
          return {
            ErrorCode: 'MalformedDetail',
            ErrorMessage: 'Source, DetailType and a JSON object Detail are required',
          };
        try {
          const event = await bus.put({
            source: entry.Source,
            'detail-type': entry.DetailType,
            detail,
            resources: entry.Resources ?? [],
            ...(entry.Time === undefined ? {} : { time: new Date(entry.Time * 1000) }),
          });
          return { EventId: event.id };
        } catch (error) {
          return {
            ErrorCode: 'InternalFailure',
            ErrorMessage: `The event was not kept: ${(error as Error).message}`,
          };
        }
      }),
    );
    reply(200, {
      FailedEntryCount: answered.filter((entry) => 'ErrorCode' in entry).length,
      Entries: answered,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    // For tests and chaos runs: EventBridge answering InternalException, as in an outage.
    failNext: (calls) => {
      failing = calls;
    },
  };
}

function parseDetail(detail: string | undefined): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(detail ?? '');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
