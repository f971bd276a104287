import * as z from 'zod';
import { type Bundle, bundleSchema } from './bundle';
import { catalogueDepartmentSchema } from './department';
import { type CatalogueItem, itemSchema } from './item';

type Issue = { path: (string | number)[]; message: string };

function duplicates(ids: readonly string[]): string[] {
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}

/** The items `id` depends on, directly or not; undefined when the graph has a cycle through `id`. */
function ancestors(id: string, byId: ReadonlyMap<string, CatalogueItem>, visiting = new Set<string>()) {
  const found = new Set<string>();
  if (visiting.has(id)) return undefined;
  visiting.add(id);
  for (const dependency of byId.get(id)?.dependsOn ?? []) {
    const further = ancestors(dependency, byId, visiting);
    if (further === undefined) return undefined;
    found.add(dependency);
    for (const ancestor of further) found.add(ancestor);
  }
  visiting.delete(id);
  return found;
}

/** A document kind names one document: the case's documents are keyed by it (shared/documents). */
function documentIssues(items: readonly CatalogueItem[]): Issue[] {
  const kinds = items.flatMap((item) => item.documents.map(({ kind }) => kind));
  return duplicates(kinds).map((kind) => ({
    path: ['items'],
    message: `the document ${kind} is issued by more than one item`,
  }));
}

function itemIssues(items: readonly CatalogueItem[], departments: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const byId = new Map(items.map((item) => [item.id, item]));
  items.forEach((item, index) => {
    if (!departments.has(item.department))
      issues.push({ path: ['items', index, 'department'], message: `unknown department ${item.department}` });
    for (const dependency of item.dependsOn)
      if (!byId.has(dependency))
        issues.push({ path: ['items', index, 'dependsOn'], message: `unknown item ${dependency}` });
    const upstream = ancestors(item.id, byId);
    if (upstream === undefined) {
      issues.push({ path: ['items', index, 'dependsOn'], message: `${item.id} depends on itself` });
      return;
    }
    for (const dependency of item.dependsOn)
      if ((byId.get(dependency)?.appliesWhen.length ?? 0) > 0)
        issues.push({
          path: ['items', index, 'dependsOn'],
          message: `${dependency} runs only when its determinants hold, so nothing can depend on it`,
        });
    item.materials.forEach((material, materialIndex) => {
      if (material.issuedBy !== undefined && !upstream.has(material.issuedBy))
        issues.push({
          path: ['items', index, 'materials', materialIndex, 'issuedBy'],
          message: `${material.issuedBy} is not an item ${item.id} depends on`,
        });
    });
  });
  return issues;
}

/**
 * The workflow runs a bundle as a tree (workflows/company-opening.ts): one item first, and each other item
 * after the one of its dependencies that all its other dependencies come before.
 */
function treeIssues(bundle: Bundle, index: number, byId: ReadonlyMap<string, CatalogueItem>): Issue[] {
  const issues: Issue[] = [];
  const ids = [...bundle.items, ...bundle.optionalItems].filter((id) => byId.has(id));
  const roots = ids.filter((id) => byId.get(id)?.dependsOn.length === 0);
  if (roots.length !== 1)
    issues.push({
      path: ['bundles', index, 'items'],
      message: `a bundle starts with exactly one item that depends on none (found ${roots.join(', ') || 'none'})`,
    });
  for (const id of ids) {
    const dependsOn = byId.get(id)?.dependsOn ?? [];
    if (dependsOn.length > 0 && parentIn(dependsOn, byId) === undefined)
      issues.push({
        path: ['bundles', index, 'items'],
        message: `${id} depends on ${dependsOn.join(' and ')}, none of which comes after all the others`,
      });
  }
  return issues;
}

/** The dependency an item follows: the one every other dependency comes before. */
export function parentIn(
  dependsOn: readonly string[],
  byId: ReadonlyMap<string, CatalogueItem>,
): string | undefined {
  return dependsOn.find((candidate) => {
    const upstream = ancestors(candidate, byId) ?? new Set<string>();
    return dependsOn.every((other) => other === candidate || upstream.has(other));
  });
}

function bundleIssues(bundles: readonly Bundle[], items: readonly CatalogueItem[]): Issue[] {
  const issues: Issue[] = [];
  const byId = new Map(items.map((item) => [item.id, item]));
  bundles.forEach((bundle, index) => {
    issues.push(...treeIssues(bundle, index, byId));
    for (const key of ['items', 'optionalItems'] as const) {
      for (const id of bundle[key]) {
        const item = byId.get(id);
        if (!item) {
          issues.push({ path: ['bundles', index, key], message: `unknown item ${id}` });
          continue;
        }
        for (const dependency of item.dependsOn)
          if (!bundle.items.includes(dependency))
            issues.push({
              path: ['bundles', index, key],
              message: `${id} depends on ${dependency}, which the bundle does not run`,
            });
      }
    }
  });
  return issues;
}

/**
 * The catalogue (证照联办): departments, the items they decide, and the bundles a case is opened as.
 * Parsing it checks it whole: ids unique, every reference known, the dependencies acyclic and inside
 * each bundle, what an item is issued by upstream of it, and each document issued by one item only.
 */
export const catalogueSchema = z
  .object({
    version: z.string().regex(/^\d{4}-\d{2}-\d{2}\.\d+$/),
    departments: z.array(catalogueDepartmentSchema).min(1),
    items: z.array(itemSchema).min(1),
    bundles: z.array(bundleSchema).min(1),
  })
  .strict()
  .superRefine((catalogue, ctx) => {
    const issues: Issue[] = [];
    for (const key of ['departments', 'items', 'bundles'] as const)
      for (const id of duplicates(catalogue[key].map((entry) => entry.id)))
        issues.push({ path: [key], message: `duplicate id ${id}` });
    issues.push(...itemIssues(catalogue.items, new Set(catalogue.departments.map(({ id }) => id))));
    issues.push(...documentIssues(catalogue.items));
    issues.push(...bundleIssues(catalogue.bundles, catalogue.items));
    for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue });
  });
export type CatalogueInput = z.input<typeof catalogueSchema>;
export type Catalogue = z.output<typeof catalogueSchema>;
