import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type ICommandHooks, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ENVIRONMENT, METRICS_NAMESPACE, SERVICE_NAME } from '../shared/config';
import { BUNDLED_FILES_DIRECTORY } from '../shared/entry-points/workflow-functions';
import { TRACE_PRIVACY_ENVIRONMENT } from '../shared/trace-privacy';
import { BUNDLING, REPO_ROOT } from './bundling';
import { acknowledge } from './nag';

export interface HouseFunctionProps {
  /** The handler module, relative to the repository root. */
  entry: string;
  environment?: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  tableName?: string;
  /** Repository-relative files copied next to the bundle's index.mjs, in BUNDLED_FILES_DIRECTORY. */
  bundledFiles?: readonly string[];
}

/**
 * The one way this project makes a Lambda function: Node 24 on arm64, an ESM bundle with source maps
 * built by the local esbuild, JSON logs kept for a set time, Powertools configured by environment (traces
 * without responses or error messages).
 *
 * Its role starts empty: it may write to its own log group and send X-Ray segments, nothing else.
 * Whoever creates a function grants it exactly what its handler calls.
 */
export class HouseFunction extends NodejsFunction {
  /** The handler module, relative to the repository root. */
  readonly entry: string;

  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention: logs.RetentionDays.THREE_MONTHS });
    // An own role instead of the AWSLambdaBasicExecutionRole managed policy, which may write to
    // every log group in the account.
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.entry}`,
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      entry: join(REPO_ROOT, props.entry),
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        ...(props.tableName ? { [ENVIRONMENT.tableName]: props.tableName } : {}),
        ...props.environment,
        // Last, so no function's own environment can put personal data back into its traces.
        ...TRACE_PRIVACY_ENVIRONMENT,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: BUNDLING.target,
        minify: BUNDLING.minify,
        sourceMap: BUNDLING.sourceMap,
        mainFields: [...BUNDLING.mainFields],
        banner: BUNDLING.banner,
        externalModules: [...BUNDLING.external],
        ...(props.bundledFiles?.length ? { commandHooks: copying(props.bundledFiles) } : {}),
      },
    });
    this.entry = props.entry;
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level ' +
        'permissions, so AWS requires Resource "*" for them; they are the only actions on "*".',
    );
  }
}

/** Bundling hooks that copy `files` from the repository into the bundle's BUNDLED_FILES_DIRECTORY. */
function copying(files: readonly string[]): ICommandHooks {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir, outputDir) => [
      `mkdir -p "${outputDir}/${BUNDLED_FILES_DIRECTORY}"`,
      ...files.map((file) => `cp "${inputDir}/${file}" "${outputDir}/${BUNDLED_FILES_DIRECTORY}/"`),
    ],
  };
}
