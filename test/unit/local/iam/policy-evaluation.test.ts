import { describe, expect, test } from 'vitest';
import { authorizationRequestOf } from '../../../../local/iam/aws-request';
import {
  type AuthorizationRequest,
  checkSupported,
  evaluate,
  type PolicyStatement,
} from '../../../../local/iam/policy-evaluation';

const TABLE = 'arn:aws:dynamodb:us-east-1:000000000000:table/company-opening';
const MACHINE = 'arn:aws:states:us-east-1:000000000000:stateMachine:CompanyOpening';
const ACCOUNT = { region: 'us-east-1', accountId: '000000000000' };

const request = (action: string, resource: string, context = {}): AuthorizationRequest => ({
  action,
  resource,
  context,
});

const getPut: PolicyStatement = {
  Effect: 'Allow',
  Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
  Resource: TABLE,
};
const counters: PolicyStatement = {
  Effect: 'Allow',
  Action: 'dynamodb:UpdateItem',
  Resource: TABLE,
  Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['LIMIT#FOUNDER#*', 'LIMIT#AGENT#*'] } },
};
const throughLiveAlias: PolicyStatement = {
  Effect: 'Allow',
  Action: 'states:StartExecution',
  Resource: MACHINE,
  Condition: { StringEquals: { 'states:StateMachineQualifier': 'live' } },
};

describe('policy evaluation (IAM docs, "Policy evaluation logic")', () => {
  test('an Allow whose action and resource match allows; another action or resource is an implicit deny', () => {
    // Prepare
    const policy = [getPut];

    // Act / Assess
    expect(evaluate(policy, request('dynamodb:GetItem', TABLE))).toBe('Allow');
    expect(evaluate(policy, request('dynamodb:UpdateItem', TABLE))).toBe('ImplicitDeny');
    expect(evaluate(policy, request('dynamodb:GetItem', `${TABLE}-other`))).toBe('ImplicitDeny');
    expect(evaluate([], request('dynamodb:GetItem', TABLE))).toBe('ImplicitDeny');
  });

  test('an explicit Deny wins over any Allow, in whatever order the statements come', () => {
    // Prepare
    const deny: PolicyStatement = { Effect: 'Deny', Action: 'dynamodb:*', Resource: '*' };

    // Act / Assess
    expect(evaluate([getPut, deny], request('dynamodb:GetItem', TABLE))).toBe('ExplicitDeny');
    expect(evaluate([deny, getPut], request('dynamodb:PutItem', TABLE))).toBe('ExplicitDeny');
    expect(evaluate([getPut, deny], request('states:StartExecution', MACHINE))).toBe('ImplicitDeny');
  });

  test('action wildcards match across case, resource wildcards only with case, ? stands for one character', () => {
    // Prepare
    const policy: PolicyStatement[] = [
      { Effect: 'Allow', Action: 'DynamoDB:Get*', Resource: `${TABLE}/index/by*` },
      {
        Effect: 'Allow',
        Action: 'cloudwatch:DescribeAlarm?',
        Resource: 'arn:aws:cloudwatch:*:*:alarm:CompanyOpening-*',
      },
    ];

    // Act / Assess
    expect(evaluate(policy, request('dynamodb:getitem', `${TABLE}/index/byOwner`))).toBe('Allow');
    expect(evaluate(policy, request('dynamodb:GetItem', `${TABLE}/index/ByOwner`))).toBe('ImplicitDeny');
    expect(evaluate(policy, request('dynamodb:PutItem', `${TABLE}/index/byOwner`))).toBe('ImplicitDeny');
    expect(
      evaluate(
        policy,
        request('cloudwatch:DescribeAlarms', 'arn:aws:cloudwatch:us-east-1:0:alarm:CompanyOpening-*'),
      ),
    ).toBe('Allow');
    expect(
      evaluate(
        policy,
        request(
          'cloudwatch:DescribeAlarmsForMetric',
          'arn:aws:cloudwatch:us-east-1:0:alarm:CompanyOpening-x',
        ),
      ),
    ).toBe('ImplicitDeny');
  });

  test('a grant on an index is not a grant on the table, nor the table on its indexes', () => {
    // Prepare
    const policy: PolicyStatement[] = [
      {
        Effect: 'Allow',
        Action: 'dynamodb:Query',
        Resource: [`${TABLE}/index/byOwner`, `${TABLE}/index/byAgent`],
      },
    ];

    // Act / Assess
    expect(evaluate(policy, request('dynamodb:Query', `${TABLE}/index/byAgent`))).toBe('Allow');
    expect(evaluate(policy, request('dynamodb:Query', TABLE))).toBe('ImplicitDeny');
    expect(evaluate(policy, request('dynamodb:Query', `${TABLE}/index/bySla`))).toBe('ImplicitDeny');
    expect(evaluate([getPut], request('dynamodb:GetItem', `${TABLE}/index/byOwner`))).toBe('ImplicitDeny');
  });

  test('ForAllValues:StringLike on dynamodb:LeadingKeys: every key must match one of several patterns', () => {
    // Act / Assess
    const update = (keys: string[]) =>
      request('dynamodb:UpdateItem', TABLE, { 'dynamodb:LeadingKeys': keys });
    expect(evaluate([counters], update(['LIMIT#FOUNDER#f-1']))).toBe('Allow');
    expect(evaluate([counters], update(['LIMIT#AGENT#a-1']))).toBe('Allow');
    expect(evaluate([counters], update(['LIMIT#FOUNDER#f-1', 'LIMIT#AGENT#a-1']))).toBe('Allow');
    expect(evaluate([counters], update(['LIMIT#FOUNDER#f-1', 'APP#1']))).toBe('ImplicitDeny');
    expect(evaluate([counters], update(['APP#1']))).toBe('ImplicitDeny');
    // Condition key names are case-insensitive, values are not.
    expect(
      evaluate(
        [counters],
        request('dynamodb:UpdateItem', TABLE, { 'DynamoDB:leadingkeys': ['limit#founder#f'] }),
      ),
    ).toBe('ImplicitDeny');
  });

  test('ForAllValues holds when the request has no such key (AWS warns of exactly this); ForAnyValue fails', () => {
    // Prepare
    const anyValue: PolicyStatement = {
      ...counters,
      Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['LIMIT#*'] } },
    };

    // Act / Assess
    expect(evaluate([counters], request('dynamodb:UpdateItem', TABLE))).toBe('Allow');
    expect(evaluate([anyValue], request('dynamodb:UpdateItem', TABLE))).toBe('ImplicitDeny');
    expect(
      evaluate(
        [anyValue],
        request('dynamodb:UpdateItem', TABLE, { 'dynamodb:LeadingKeys': ['APP#1', 'LIMIT#A'] }),
      ),
    ).toBe('Allow');
  });

  test('StringEquals on states:StateMachineQualifier: the live alias only; a version or an unqualified start is refused', () => {
    // Act / Assess
    const start = (context = {}) => request('states:StartExecution', MACHINE, context);
    expect(evaluate([throughLiveAlias], start({ 'states:StateMachineQualifier': ['live'] }))).toBe('Allow');
    expect(evaluate([throughLiveAlias], start({ 'states:StateMachineQualifier': ['3'] }))).toBe(
      'ImplicitDeny',
    );
    expect(evaluate([throughLiveAlias], start())).toBe('ImplicitDeny');
  });

  test('a negated operator holds on an absent key and when no pattern matches', () => {
    // Prepare
    const notLive: PolicyStatement = {
      ...throughLiveAlias,
      Effect: 'Deny',
      Condition: { StringNotEquals: { 'states:StateMachineQualifier': ['live', 'next'] } },
    };
    const policy = [{ ...throughLiveAlias, Condition: undefined }, notLive];

    // Act / Assess
    const start = (context = {}) => request('states:StartExecution', MACHINE, context);
    expect(evaluate(policy, start({ 'states:StateMachineQualifier': ['next'] }))).toBe('Allow');
    expect(evaluate(policy, start({ 'states:StateMachineQualifier': ['3'] }))).toBe('ExplicitDeny');
    expect(evaluate(policy, start())).toBe('ExplicitDeny');
  });

  test('an element or operator the evaluator does not model is refused when the policy loads, not misjudged', () => {
    // Act / Assess
    expect(() => checkSupported({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })).toThrow(/NotAction/);
    expect(() =>
      checkSupported({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { IpAddress: {} },
      }),
    ).toThrow(/IpAddress/);
    expect(() =>
      checkSupported({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { StringEqualsIfExists: {} },
      }),
    ).toThrow(/StringEqualsIfExists/);
    expect(checkSupported({ ...counters })).toEqual(counters);
  });
});

describe('SDK commands as IAM authorizes them', () => {
  test('DynamoDB: the table or index ARN, and the partition key of the item or the key condition as LeadingKeys', () => {
    // Act
    const get = authorizationRequestOf(
      'DynamoDBClient',
      'GetItemCommand',
      {
        TableName: 'company-opening',
        Key: { pk: { S: 'APP#1' }, sk: { S: 'CASE' } },
      },
      ACCOUNT,
    );
    const query = authorizationRequestOf(
      'DynamoDBClient',
      'QueryCommand',
      {
        TableName: 'company-opening',
        KeyConditionExpression: '#sk > :after AND #pk = :month',
        ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
        ExpressionAttributeValues: { ':month': { S: 'CLOSED#2026-11' }, ':after': { S: 'a' } },
      },
      ACCOUNT,
    );
    const onIndex = authorizationRequestOf(
      'DynamoDBClient',
      'QueryCommand',
      {
        TableName: 'company-opening',
        IndexName: 'byOwner',
        KeyConditionExpression: 'ownerPk = :owner',
        ExpressionAttributeValues: { ':owner': { S: 'OWNER#f' } },
      },
      ACCOUNT,
    );

    // Assess
    expect(get).toEqual({
      action: 'dynamodb:GetItem',
      resource: TABLE,
      context: { 'dynamodb:LeadingKeys': ['APP#1'] },
    });
    expect(query.context).toEqual({ 'dynamodb:LeadingKeys': ['CLOSED#2026-11'] });
    expect(onIndex).toEqual({ action: 'dynamodb:Query', resource: `${TABLE}/index/byOwner`, context: {} });
  });

  test('a keyed DynamoDB call whose partition key cannot be read stops the runtime rather than pass a condition', () => {
    // Act
    const unreadable = () =>
      authorizationRequestOf(
        'DynamoDBClient',
        'QueryCommand',
        {
          TableName: 'company-opening',
          KeyConditionExpression: 'begins_with(sk, :prefix) AND pk IN (:a)',
          ExpressionAttributeValues: { ':prefix': { S: 'x' }, ':a': { S: 'APP#1' } },
        },
        ACCOUNT,
      );

    // Assess
    expect(unreadable).toThrow('local IAM cannot read the partition key of QueryCommand on company-opening');
  });

  test('Step Functions: a start on the unqualified ARN with its qualifier; a task token on the machine that issued it', () => {
    // Prepare
    const token = `${Buffer.from(JSON.stringify([`${MACHINE.replace(':stateMachine:', ':execution:')}:case-1`, 'Wait', 1])).toString('base64url')}.signature`;

    // Act
    const start = authorizationRequestOf(
      'SFNClient',
      'StartExecutionCommand',
      { stateMachineArn: `${MACHINE}:live` },
      ACCOUNT,
    );
    const resume = authorizationRequestOf(
      'SFNClient',
      'SendTaskSuccessCommand',
      { taskToken: token },
      ACCOUNT,
    );
    const forged = authorizationRequestOf(
      'SFNClient',
      'SendTaskSuccessCommand',
      { taskToken: 'not-a-token' },
      ACCOUNT,
    );

    // Assess
    expect(start).toEqual({
      action: 'states:StartExecution',
      resource: MACHINE,
      context: { 'states:StateMachineQualifier': ['live'] },
    });
    expect(resume).toEqual({ action: 'states:SendTaskSuccess', resource: MACHINE, context: {} });
    expect(evaluate([{ Effect: 'Allow', Action: 'states:SendTaskSuccess', Resource: MACHINE }], forged)).toBe(
      'ImplicitDeny',
    );
  });
});
