import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { afterEach, describe, expect, test, vi } from 'vitest';
import * as z from 'zod';
import { httpHandler } from '../../../functions/api/http-handler';
import { stepHandler } from '../../../functions/workflow/step-handler';
import { lambdaContext } from '../../../local/lambda-context';
import { ENVIRONMENT, ORIGIN_HEADER } from '../../../shared/config';
import { ROUTES } from '../../../shared/entry-points/routes';
import { validationFailed } from '../../../shared/errors';
import { tracer } from '../../../shared/observability';

const ID_NUMBER = '440106199011034280';
const MOBILE = '13800138000';

/**
 * Tracing as it runs in Lambda, with the segments kept in memory: everything the Tracer would send to
 * X-Ray is recorded (annotations, metadata, errors), so a test can look for personal data in it.
 */
function traceInMemory() {
  const sent: unknown[] = [];
  const subsegment = {
    addError: vi.fn((error: unknown) => sent.push({ error: String(error) })),
    addErrorFlag: vi.fn(),
    close: vi.fn(),
  };
  let current: unknown = { addNewSubsegment: () => subsegment };
  vi.spyOn(tracer, 'isTracingEnabled').mockReturnValue(true);
  vi.spyOn(tracer, 'getSegment').mockImplementation(() => current as never);
  vi.spyOn(tracer, 'setSegment').mockImplementation((segment) => {
    current = segment;
  });
  vi.spyOn(tracer, 'putAnnotation').mockImplementation((key, value) => {
    sent.push({ annotation: key, value });
  });
  vi.spyOn(tracer, 'putMetadata').mockImplementation((key, value) => {
    sent.push({ metadata: key, value });
  });
  return { sent, subsegment };
}

const context = () => lambdaContext({ functionName: 'trace-privacy' });
/** As CloudFront forwards it: with the origin secret every API function checks first. */
const ORIGIN_SECRET = 'trace-privacy-origin-secret';
process.env[ENVIRONMENT.originSecret] = ORIGIN_SECRET;
const event = {
  headers: { [ORIGIN_HEADER]: ORIGIN_SECRET },
  requestContext: {},
} as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('traces carry ids and timings, never personal data', () => {
  test("a workflow step's result stays out of its trace", async () => {
    // Prepare
    const { sent } = traceInMemory();
    const handler = stepHandler(z.object({ applicationId: z.string() }), async () => ({
      legalRepresentative: { idNumber: ID_NUMBER, mobile: MOBILE },
    }));

    // Act
    const result = await handler({ applicationId: 'co-1' }, context());

    // Assess
    expect(result).toEqual({ legalRepresentative: { idNumber: ID_NUMBER, mobile: MOBILE } });
    expect(sent).toContainEqual({ annotation: 'Service', value: 'company-opening' });
    expect(JSON.stringify(sent)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(sent)).not.toContain(MOBILE);
  });

  test("a workflow step's error is flagged on its trace, without its message", async () => {
    // Prepare
    const { sent, subsegment } = traceInMemory();
    const handler = stepHandler(z.object({}), async () => {
      throw new Error(`No such shareholder ${ID_NUMBER}`);
    });

    // Act
    const failure = handler({}, context());

    // Assess
    await expect(failure).rejects.toThrow(ID_NUMBER);
    expect(subsegment.addErrorFlag).toHaveBeenCalledOnce();
    expect(subsegment.addError).not.toHaveBeenCalled();
    expect(JSON.stringify(sent)).not.toContain(ID_NUMBER);
  });

  test("an API answer's body stays out of its trace", async () => {
    // Prepare
    const { sent } = traceInMemory();
    const handler = httpHandler(ROUTES.health, async () => ({ status: 200, body: { idNumber: ID_NUMBER } }));

    // Act
    const response = await handler(event, context());

    // Assess
    expect(JSON.stringify(response)).toContain(ID_NUMBER);
    expect(sent).toContainEqual({ annotation: 'Service', value: 'company-opening' });
    expect(JSON.stringify(sent)).not.toContain(ID_NUMBER);
  });

  test('an API refusal quoting the input is flagged on its trace, without its message', async () => {
    // Prepare
    const { sent, subsegment } = traceInMemory();
    const handler = httpHandler(ROUTES.health, async () => {
      throw validationFailed([
        { path: 'idNumber', message: `${ID_NUMBER} is not valid`, message_zh: `${ID_NUMBER} 无效` },
      ]);
    });

    // Act
    const response = await handler(event, context());

    // Assess
    expect(JSON.stringify(response)).toContain(ID_NUMBER);
    expect(subsegment.addErrorFlag).toHaveBeenCalledOnce();
    expect(subsegment.addError).not.toHaveBeenCalled();
    expect(JSON.stringify(sent)).not.toContain(ID_NUMBER);
  });
});
