/**
 * AWS list prices, us-east-1, as published on aws.amazon.com/pricing in 2024–2026 (DynamoDB
 * on-demand after the November 2024 price cut). Free tiers are ignored. Verify before relying on them.
 */
export const PRICES = {
  asOf: 'us-east-1 list prices as published 2024–2026 on aws.amazon.com/pricing (verify before relying on them)',
  stepFunctionsStandardPerTransition: 0.025 / 1000,
  lambdaArmPerGbSecond: 0.0000133334,
  lambdaPerRequest: 0.2 / 1_000_000,
  dynamoOnDemandPerWriteUnit: 0.625 / 1_000_000,
  dynamoOnDemandPerReadUnit: 0.125 / 1_000_000,
  httpApiPerRequest: 1.0 / 1_000_000,
  cloudWatchLogsPerGb: 0.5,
} as const;

export const PRICE_NAMES: Record<keyof Omit<typeof PRICES, 'asOf'>, string> = {
  stepFunctionsStandardPerTransition: 'Step Functions Standard: $0.025 per 1,000 state transitions',
  lambdaArmPerGbSecond: 'Lambda arm64: $0.0000133334 per GB-second',
  lambdaPerRequest: 'Lambda: $0.20 per 1M requests',
  dynamoOnDemandPerWriteUnit: 'DynamoDB on-demand: $0.625 per 1M write request units',
  dynamoOnDemandPerReadUnit: 'DynamoDB on-demand: $0.125 per 1M read request units',
  httpApiPerRequest: 'API Gateway HTTP API: $1.00 per 1M requests',
  cloudWatchLogsPerGb: 'CloudWatch Logs ingestion (EMF metrics arrive as logs): $0.50 per GB',
};

/** Memory of every function (infra/house-function.ts default); Lambda bills duration per 1 ms. */
export const LAMBDA_MEMORY_GB = 512 / 1024;
/** Lambda's own START/END/REPORT lines in JSON log format, per invocation: an estimate, not measured. */
export const PLATFORM_LOG_BYTES_PER_INVOCATION = 700;
