import { SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { ENVIRONMENT } from './config';

/** Step Functions, at module scope; locally AWS_ENDPOINT_URL_SFN points it at the durable engine. */
export const stepFunctions = new SFNClient({});

/**
 * Starts the case's execution, named after the case. The same name and input answer the running
 * execution again; once it has closed, Step Functions says ExecutionAlreadyExists: started all the same.
 */
export async function startCaseWorkflow(applicationId: string): Promise<string | undefined> {
  const stateMachineArn = process.env[ENVIRONMENT.stateMachineArn];
  if (!stateMachineArn) throw new Error(`${ENVIRONMENT.stateMachineArn} is not set`);
  try {
    const { executionArn } = await stepFunctions.send(
      new StartExecutionCommand({
        stateMachineArn,
        name: applicationId,
        input: JSON.stringify({ applicationId }),
      }),
    );
    return executionArn;
  } catch (error) {
    if ((error as Error).name === 'ExecutionAlreadyExists') return undefined;
    throw error;
  }
}

/** Resumes a waiting task; false when its token is spent, expired or unknown (the task moved on). */
export async function resumeTask(token: string, output: unknown): Promise<boolean> {
  try {
    await stepFunctions.send(
      new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }),
    );
    return true;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TaskTimedOut' || name === 'InvalidToken' || name === 'TaskDoesNotExist') return false;
    throw error;
  }
}
