import * as z from 'zod';
import { CASE_STATUSES, ITEM_STATUSES, OUTCOMES, ROLES } from '../case/model';
import { legalBasisSchema, statutoryLimitSchema } from '../catalogue/legal-basis';
import { materialSchema } from '../catalogue/material';
import {
  invoiceResultSchema,
  issuedFieldsSchema,
  registrationResultSchema,
  sealResultSchema,
} from '../catalogue/results';
import { formObjectSchema } from '../form/form-object';
import { legalRepresentativeSchema, personSchema, shareholderSchema } from '../form/people';

/**
 * The bodies the API answers, declared once: the view functions (views.ts) are typed by these, the
 * OpenAPI document shows them, and the web app takes its types from them (web/src/api/types.ts).
 */

/** An object with exactly these keys, each holding `value`: what a record over an enum is, spelled out. */
function keyedBy<K extends string, S extends z.ZodType>(keys: readonly K[], value: S) {
  return z.object(Object.fromEntries(keys.map((key) => [key, value])) as Record<K, S>);
}

const SLA_STATES = ['on-track', 'at-risk', 'breached', 'met', 'missed'] as const;
const instant = z.iso.datetime().describe('An instant, ISO 8601 in UTC');
const localDate = z.iso.date().describe('A date in Asia/Shanghai');
const names = z.object({ en: z.string(), zh: z.string() });
const slaState = z.enum(SLA_STATES);
const calendarKind = z.enum(['official', 'provisional']);
const reason = z.object({ path: z.string(), message: z.string() });

const itemResult = z.union([
  registrationResultSchema,
  invoiceResultSchema,
  sealResultSchema,
  issuedFieldsSchema,
]);

export const itemViewSchema = z.object({
  name: names,
  status: z.enum(ITEM_STATUSES),
  department: z.string(),
  departmentName: names,
  round: z.number().int(),
  instant: z.boolean(),
  taskId: z.string().nullable(),
  startedAt: instant.nullable(),
  decidedAt: instant.nullable(),
  result: itemResult.nullable(),
  reasons: z.array(reason),
  note: z.string().nullable(),
});

const residentIdView = z
  .string()
  .describe('A resident ID number; masked (110***********1234) for a reader who does not need it');
const mobileView = z
  .string()
  .describe('A mobile number; masked (138****5678) for a reader who does not need it');
const personView = personSchema.extend({ idNumber: residentIdView });
const [naturalPersonShareholder, legalPersonShareholder] = shareholderSchema.options;
const form = formObjectSchema.shape;

/**
 * The form as the reader may see it (shared/api/form-view.ts): the founder and the filing agent get all of
 * it, an officer the sections their item reads, ops the company alone; whoever does not need them gets
 * ID numbers and mobiles masked.
 */
export const formViewSchema = z
  .object({
    channel: form.channel.optional(),
    company: form.company,
    legalRepresentative: legalRepresentativeSchema
      .extend({ idNumber: residentIdView, mobile: mobileView })
      .optional(),
    shareholders: z
      .array(
        z.discriminatedUnion('kind', [
          naturalPersonShareholder.extend({ idNumber: residentIdView }),
          legalPersonShareholder,
        ]),
      )
      .optional(),
    directors: z.array(personView).optional(),
    supervisoryArrangement: form.supervisoryArrangement.optional(),
    supervisor: personView.optional(),
    manager: personView.optional(),
    contact: form.contact.optional(),
    invoice: form.invoice.optional(),
    seals: form.seals.optional(),
    delivery: form.delivery.optional(),
    materials: z
      .array(
        z.object({
          type: z.string(),
          uploadId: z.string(),
          fileName: z.string().optional(),
          mediaType: z.string().optional(),
          sizeBytes: z.number().optional(),
          sha256: z.string().optional(),
        }),
      )
      .optional()
      .describe("The materials the reader's items need, each with the file it names"),
    bundle: form.bundle,
    optionalItems: form.optionalItems,
    premises: form.premises,
    clinic: form.clinic,
    employment: form.employment,
  })
  .strict()
  .describe('The application form, cut to what the reader needs');

const slaSummary = z.object({ deadline: instant, deadlineDate: localDate, state: slaState });

export const caseSummarySchema = z
  .object({
    id: z.string(),
    status: z.enum(CASE_STATUSES),
    companyName: z.string(),
    submittedAt: instant,
    closedAt: instant.nullable(),
    sla: slaSummary,
    items: z.record(z.string(), z.enum(ITEM_STATUSES)),
  })
  .describe('A case in a list');

export const caseViewSchema = z
  .object({
    id: z.string(),
    status: z.enum(CASE_STATUSES),
    channel: z.string(),
    submittedAt: instant,
    closedAt: instant.nullable(),
    filedBy: z.object({ role: z.enum(ROLES) }),
    bundle: z.object({ id: z.string(), name: names }).describe('The bundle (一件事) the case was opened as'),
    catalogueVersion: z
      .string()
      .nullable()
      .describe('The catalogue version the case was filed with; null for cases filed before the catalogue'),
    application: formViewSchema,
    items: z.record(z.string(), itemViewSchema).describe('The items the case runs, keyed by item id'),
    sla: z.object({
      workingDays: z.number().int(),
      deadline: instant,
      deadlineDate: localDate,
      state: slaState,
      pausedMs: z.number(),
      remainingMs: z.number(),
      calendar: calendarKind,
      paused: z.boolean(),
      atRiskAt: instant.nullable(),
      breachedAt: instant.nullable(),
    }),
    corrections: z.array(
      z.object({
        id: z.string(),
        item: z.string(),
        round: z.number().int(),
        status: z.enum(['open', 'answered']),
        requestedAt: instant,
        reasons: z.array(reason),
        note: z.string().nullable(),
        answerSubmitted: z.boolean(),
        answeredAt: instant.nullable(),
        changedFields: z.array(z.string()),
      }),
    ),
    timeline: z.array(
      z.object({
        at: instant,
        type: z.string(),
        item: z.string().nullable(),
        actor: z.object({ role: z.enum(ROLES), department: z.string().nullable() }),
        details: z.record(z.string(), z.unknown()),
      }),
    ),
    trips: z.number().int(),
    inspection: z
      .object({
        items: z.array(z.string()),
        date: localDate,
        slot: z.string(),
        address: z.string(),
        arrangedAt: instant,
      })
      .nullable()
      .describe('联合勘验: the one on-site visit for every item that needs one'),
    delivery: z
      .object({
        method: z.enum(['express', 'pickup']),
        trackingNumber: z.string().optional(),
        carrier: z.string().optional(),
        appointment: z.object({ serviceCentre: z.string(), date: localDate, slot: z.string() }).optional(),
        dispatchedAt: instant,
      })
      .nullable(),
    failure: z.object({ error: z.string(), at: instant }).nullable(),
  })
  .describe('One case: status, items, SLA, corrections, timeline, trips and delivery');

export const taskViewSchema = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    item: z.string(),
    department: z.string(),
    round: z.number().int(),
    status: z.enum(['open', 'closed']),
    companyName: z.string(),
    slaDeadline: instant,
    atRisk: z.boolean(),
    overdue: z.boolean(),
    createdAt: instant,
    outcome: z.enum([...OUTCOMES, 'cancelled']).nullable(),
    decidedAt: instant.nullable(),
  })
  .describe('A department task');

export const taskDetailSchema = z
  .object({
    task: taskViewSchema,
    application: z.object({
      id: z.string(),
      status: z.enum(CASE_STATUSES),
      submittedAt: instant,
      form: formViewSchema,
      item: itemViewSchema,
      corrections: caseViewSchema.shape.corrections,
      upstream: z
        .array(z.object({ item: z.string(), status: z.enum(ITEM_STATUSES), result: itemResult.nullable() }))
        .describe("The results of the items this one builds on (registration's USCC for invoice and seal)"),
      sla: caseViewSchema.shape.sla,
    }),
  })
  .describe('A task with the application data the officer needs to decide');

export const decisionResultSchema = z
  .object({
    task: taskViewSchema,
    decision: z.object({ outcome: z.enum(OUTCOMES), decidedAt: instant }),
  })
  .describe('The closed task and the decision that closed it');

/** A page of a list: `nextCursor` continues it, null on the last page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

const share = z.number().nullable().describe('0–1; null while nothing was measured');

const reformKpisSchema = z.object({
  casesMeasured: z.number().int(),
  timeToStatutoryLimit: z.object({
    mean: z.number().nullable(),
    target: z.number(),
    withinTarget: share,
  }),
  onlineShare: share,
  instantShare: share,
  atMostOneTripShare: share,
  onTimeRate: share,
});

export const slaReportSchema = z
  .object({
    generatedAt: instant,
    window: z.object({ days: z.number().int(), from: instant }),
    counts: keyedBy(SLA_STATES, z.number().int()),
    atRisk: z.array(caseSummarySchema),
    breached: z.array(caseSummarySchema),
    failed: z.object({
      count: z.number().int(),
      cases: z.array(caseSummarySchema.extend({ failure: z.object({ error: z.string(), at: z.string() }) })),
    }),
    kpis: reformKpisSchema,
    kpisByBundle: z
      .array(reformKpisSchema.extend({ bundle: z.string() }))
      .describe('The same KPIs for each bundle that closed cases in the window'),
    kpisByItem: z
      .array(
        z.object({
          item: z.string(),
          department: z.string(),
          decided: z.number().int(),
          meanRatio: z
            .number()
            .nullable()
            .describe('Mean working time ÷ statutory limit; null without a limit'),
          withinTarget: share,
          instantShare: share,
        }),
      )
      .describe('Each item decided on the completed cases of the window'),
    charts: z.object({
      perDay: z.array(
        z.object({ date: localDate, submitted: z.number().int(), completed: z.number().int() }),
      ),
      completions: z.array(
        z.object({
          id: z.string(),
          closedAt: instant,
          workingDays: z.number(),
          limitWorkingDays: z.number(),
        }),
      ),
    }),
    alarms: z.array(
      z.object({
        name: z.string(),
        state: z.string(),
        reason: z.string(),
        description: z.string(),
        updatedAt: z.string().nullable(),
      }),
    ),
  })
  .describe('Open cases by SLA state, the at-risk, breached and failed ones, the KPIs, alarm states');

const catalogueNames = z.object({ zh: z.string(), en: z.string() });

export const catalogueViewSchema = z
  .object({
    version: z.string().describe('The catalogue version: a case records the one it was created with'),
    departments: z.array(z.object({ id: z.string(), name: catalogueNames })),
    items: z.array(
      z.object({
        id: z.string(),
        name: catalogueNames,
        department: z.string(),
        statutoryLimitWorkingDays: statutoryLimitSchema,
        legalBasis: legalBasisSchema.nullable(),
        dependsOn: z.array(z.string()),
        materials: z.array(materialSchema),
        formFields: z.array(z.string()).describe('The form sections its department reads'),
        onSiteInspection: z.boolean().describe('Checked on site: all such items of a case share one visit'),
      }),
    ),
    bundles: z.array(
      z.object({
        id: z.string(),
        name: catalogueNames,
        items: z.array(z.string()),
        optionalItems: z.array(z.string()),
        slaWorkingDays: z
          .number()
          .int()
          .describe('The working days the platform commits to for the whole case'),
        commitment: z.enum(['published', 'platform-decision']),
        commitmentBasis: z.string().describe('Where the committed days come from'),
      }),
    ),
  })
  .describe('The item catalogue: departments, items with their legal basis and materials, bundles (一件事)');

export const checklistSchema = z
  .object({
    version: z.string(),
    bundle: z.string(),
    items: z.array(z.string()).describe('The items the case would run with these answers'),
    materials: z
      .array(z.object({ id: z.string(), name: catalogueNames, items: z.array(z.string()) }))
      .describe('Each material once, with the items that ask for it; what an item issues is left out'),
  })
  .describe('The materials a founder files for a bundle, given the answers');

export const healthSchema = z.object({ status: z.literal('ok'), time: instant }).describe('Liveness');

export const openApiSchema = z.object({ openapi: z.string() }).loose().describe('This document');

/** The bodies as TypeScript types, for the clients in this repository (the web app, the benchmarks). */
export type FormView = z.output<typeof formViewSchema>;
export type CaseView = z.output<typeof caseViewSchema>;
export type CatalogueView = z.output<typeof catalogueViewSchema>;
export type CaseSummary = z.output<typeof caseSummarySchema>;
export type ItemView = z.output<typeof itemViewSchema>;
export type TaskView = z.output<typeof taskViewSchema>;
export type TaskDetail = z.output<typeof taskDetailSchema>;
export type SlaReport = z.output<typeof slaReportSchema>;
