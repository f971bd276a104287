/** Errors of the Step Functions API, named as AWS names them so the SDK raises the same exceptions. */
export class StepFunctionsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

export const executionAlreadyExists = (arn: string) =>
  new StepFunctionsError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
export const executionDoesNotExist = (arn: string) =>
  new StepFunctionsError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
export const stateMachineDoesNotExist = (arn: string) =>
  new StepFunctionsError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
export const invalidArn = (arn: string) => new StepFunctionsError('InvalidArn', `Invalid Arn: '${arn}'`);
export const invalidName = (name: string) => new StepFunctionsError('InvalidName', `Invalid Name: '${name}'`);
export const invalidExecutionInput = (why: string) =>
  new StepFunctionsError('InvalidExecutionInput', `Invalid State Machine Execution Input: ${why}`);
export const invalidOutput = (why: string) =>
  new StepFunctionsError('InvalidOutput', `Invalid Output: ${why}`);
export const invalidToken = () => new StepFunctionsError('InvalidToken', 'Invalid Token');
export const taskTimedOut = () =>
  new StepFunctionsError('TaskTimedOut', 'Task Timed Out: the task token has expired or its task is closed');
export const validationError = (why: string) => new StepFunctionsError('ValidationException', why);
