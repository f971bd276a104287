import { notFound, validationFailed } from '../errors';
import type { AnswerId, Answers } from './answers';
import { bundleOf, itemsOffered, itemsRun } from './case-plan';
import type { Catalogue } from './catalogue';
import { allHold } from './determinant';
import type { CatalogueItem } from './item';
import type { Names } from './names';

export interface ChecklistRequest {
  bundle: string;
  /** Optional items the founder adds (social insurance, housing fund, bank appointment). */
  add: readonly string[];
  /** The answers given; the ones the items' determinants read are required. */
  answers: Answers;
}

export interface Checklist {
  version: string;
  bundle: string;
  items: string[];
  materials: { id: string; name: Names; items: string[] }[];
}

function offeredItems(catalogue: Catalogue, request: ChecklistRequest): CatalogueItem[] {
  const bundle = bundleOf(catalogue, request.bundle);
  if (!bundle) throw notFound('Bundle', '一件事');
  const unknown = request.add.filter((id) => !bundle.optionalItems.includes(id));
  if (unknown.length > 0)
    throw validationFailed([
      {
        path: 'add',
        message: `Not an optional item of ${bundle.id}: ${unknown.join(', ')} (choose from ${bundle.optionalItems.join(', ')})`,
        message_zh: `不是${bundle.name.zh}的可选事项：${unknown.join('、')}（可选：${bundle.optionalItems.join('、')}）`,
      },
    ]);
  return itemsOffered(catalogue, bundle, request.add);
}

/** The answers the determinants of these items read. */
function answersRead(items: readonly CatalogueItem[]): Set<AnswerId> {
  const needed = new Set<AnswerId>();
  for (const item of items) {
    for (const determinant of item.appliesWhen) needed.add(determinant.answer);
    for (const material of item.materials)
      for (const determinant of material.requiredWhen) needed.add(determinant.answer);
  }
  return needed;
}

/** Each answer the items' determinants read must be given, or the request is a 400. */
function requireAnswers(needed: ReadonlySet<AnswerId>, answers: Answers): void {
  const missing = [...needed].filter((id) => answers[id] === undefined);
  if (missing.length > 0)
    throw validationFailed(
      missing.map((id) => ({
        path: id,
        message: `This bundle needs the answer ${id}`,
        message_zh: `此一件事需要回答 ${id}`,
      })),
    );
}

/**
 * The materials the items a case runs ask the founder for, each once however many items ask for it,
 * without what an item issues (the business licence) and without what the answers rule out.
 */
export function materialsToFile(items: readonly CatalogueItem[], answers: Answers): Checklist['materials'] {
  const materials = new Map<string, Checklist['materials'][number]>();
  for (const item of items) {
    for (const material of item.materials) {
      if (material.issuedBy !== undefined || !allHold(material.requiredWhen, answers)) continue;
      const entry = materials.get(material.id) ?? { id: material.id, name: material.name, items: [] };
      entry.items.push(item.id);
      materials.set(material.id, entry);
    }
  }
  return [...materials.values()];
}

/** The materials a founder files for a bundle, given the answers (GET /api/catalogue/bundles/{id}/checklist). */
export function checklist(catalogue: Catalogue, request: ChecklistRequest): Checklist {
  const offered = offeredItems(catalogue, request);
  requireAnswers(answersRead(offered), request.answers);
  const run = itemsRun(offered, request.answers);
  return {
    version: catalogue.version,
    bundle: request.bundle,
    items: run.map(({ id }) => id),
    materials: materialsToFile(run, request.answers),
  };
}
