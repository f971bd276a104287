import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { CASE_EVENT_BUS_NAME } from '../shared/config';
import { CASE_EVENT_SOURCE } from '../shared/events/case-events';

/** How long the archive keeps every case event, so a consumer fixed after a defect can be replayed them. */
export const CASE_EVENT_ARCHIVE_RETENTION = Duration.days(90);

/**
 * The bus the case events go to (docs/events.md), named CASE_EVENT_BUS_NAME so that every stack can
 * form its ARN, with an archive of every case event.
 */
export class CaseEventBus extends Construct {
  readonly bus: events.EventBus;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bus = new events.EventBus(this, 'Bus', {
      eventBusName: CASE_EVENT_BUS_NAME,
      description: 'The case events of the company-opening platform (docs/events.md)',
    });
    this.bus.archive('Archive', {
      description: 'Every case event, for replay to a consumer fixed after a defect',
      eventPattern: { source: [CASE_EVENT_SOURCE] },
      retention: CASE_EVENT_ARCHIVE_RETENTION,
    });
  }
}
