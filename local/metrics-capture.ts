/** One datapoint of an embedded-metric-format (EMF) log line. */
export interface MetricDatapoint {
  timestamp: number;
  namespace: string;
  name: string;
  value: number;
  unit: string;
  dimensions: Record<string, string>;
}

/**
 * In Lambda, Powertools writes metrics as EMF lines to stdout and CloudWatch turns them into metrics.
 * Locally the same lines are taken off stdout and kept here, so the same alarms can be evaluated.
 */
export class MetricsCapture {
  readonly datapoints: MetricDatapoint[] = [];
  private restore: (() => void) | undefined;

  /** Datapoints are stamped with the runtime's clock, which moves when the demo clock does. */
  constructor(private readonly now: () => number = Date.now) {}

  record(point: Omit<MetricDatapoint, 'timestamp' | 'unit'> & { unit?: string }): void {
    this.datapoints.push({ unit: 'Count', ...point, timestamp: this.now() });
  }

  start(options: { echo: boolean }): void {
    const stdout = process.stdout;
    const original = stdout.write.bind(stdout);
    stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const captured = text.includes('"_aws"') && this.capture(text);
      if (captured && !options.echo) return true;
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stdout.write;
    this.restore = () => {
      stdout.write = original;
    };
  }

  stop(): void {
    this.restore?.();
  }

  /** Datapoints of one metric, optionally only those whose dimensions include `dimensions`. */
  find(name: string, dimensions: Record<string, string> = {}): MetricDatapoint[] {
    return this.datapoints.filter(
      (point) =>
        point.name === name &&
        Object.entries(dimensions).every(([key, value]) => point.dimensions[key] === value),
    );
  }

  private capture(text: string): boolean {
    let captured = false;
    for (const line of text.split('\n')) {
      if (!line.includes('"_aws"')) continue;
      try {
        const document = JSON.parse(line) as Record<string, unknown> & {
          _aws: {
            Timestamp: number;
            CloudWatchMetrics: {
              Namespace: string;
              Dimensions: string[][];
              Metrics: { Name: string; Unit?: string }[];
            }[];
          };
        };
        for (const directive of document._aws.CloudWatchMetrics) {
          const dimensionNames = directive.Dimensions.flat();
          const dimensions = Object.fromEntries(dimensionNames.map((name) => [name, String(document[name])]));
          for (const metric of directive.Metrics) {
            const values = document[metric.Name];
            for (const value of Array.isArray(values) ? values : [values]) {
              this.datapoints.push({
                timestamp: this.now(),
                namespace: directive.Namespace,
                name: metric.Name,
                value: Number(value),
                unit: metric.Unit ?? 'None',
                dimensions,
              });
            }
          }
        }
        captured = true;
      } catch {
        // Not EMF after all: leave the line alone.
      }
    }
    return captured;
  }
}
