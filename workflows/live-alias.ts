/**
 * New cases start through this alias of CompanyOpening, on AWS and locally; it routes every new
 * execution to one published version, and moving it (docs/deploy.md) is how an upgrade is rolled back.
 */
export const LIVE_ALIAS = 'live';

/** `arn:…:stateMachine:<name>:<alias>`: an alias ARN is the machine's ARN qualified by the alias name. */
export const aliasArnOf = (stateMachineArn: string, alias = LIVE_ALIAS) => `${stateMachineArn}:${alias}`;
