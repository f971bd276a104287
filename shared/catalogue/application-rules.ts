import { report } from '../form/cross-field';
import { type FormFields, type FormRule, TRADE_SECTIONS } from '../form/form-object';
import { MATERIAL_TYPES, REQUIRED_MATERIALS } from '../form/materials';
import type { Bundle } from './bundle';
import { bundleOf, itemsOffered, itemsRun } from './case-plan';
import type { Catalogue } from './catalogue';
import { materialsToFile } from './checklist';
import { answersOf } from './form-answers';
import type { CatalogueItem } from './item';

/**
 * What the catalogue asks of one application form (一表申请): a bundle it offers, optional items that
 * bundle offers, exactly the trade sections its items read, and every material they ask for.
 */

const listZh = (items: readonly CatalogueItem[]) => items.map((item) => item.name.zh).join('、');
const listEn = (items: readonly CatalogueItem[]) => items.map((item) => item.name.en).join(', ');

const SECTION_NAMES: Readonly<Record<(typeof TRADE_SECTIONS)[number], { en: string; zh: string }>> = {
  premises: { en: 'the premises section', zh: '经营场所信息' },
  clinic: { en: 'the clinic section', zh: '诊所执业信息' },
  employment: { en: 'the employees section', zh: '职工信息' },
};

function checkItems(catalogue: Catalogue, form: FormFields, ctx: Parameters<FormRule['check']>[1]) {
  const bundle = bundleOf(catalogue, form.bundle);
  if (!bundle) {
    const choices = catalogue.bundles.map((entry) => entry.id).join(', ');
    report(
      ctx,
      ['bundle'],
      `Choose what you are opening: ${choices}`,
      `请选择要办理的一件事：${catalogue.bundles.map((entry) => entry.name.zh).join('、')}`,
    );
    return undefined;
  }
  const added: string[] = [];
  const choices = catalogue.items.filter((item) => bundle.optionalItems.includes(item.id));
  (form.optionalItems ?? []).forEach((id, index) => {
    const item = catalogue.items.find((entry) => entry.id === id);
    const offered = bundle.optionalItems.includes(id);
    const repeated = form.optionalItems?.indexOf(id) !== index;
    if (offered && !repeated) {
      added.push(id);
      return;
    }
    report(
      ctx,
      ['optionalItems', index],
      repeated
        ? `${item?.name.en ?? id} is added twice`
        : `${bundle.name.en} can add only: ${listEn(choices)}`,
      repeated ? `${item?.name.zh ?? id}重复添加` : `${bundle.name.zh}只能添加：${listZh(choices)}`,
    );
  });
  // The items added correctly still say which sections to ask: every problem is listed at once.
  return { bundle, offered: itemsOffered(catalogue, bundle, added) };
}

function checkSections(
  form: FormFields,
  offered: readonly CatalogueItem[],
  ctx: Parameters<FormRule['check']>[1],
) {
  let valid = true;
  for (const section of TRADE_SECTIONS) {
    const readers = offered.filter((item) => item.formFields.includes(section));
    const name = SECTION_NAMES[section];
    if (readers.length > 0 && form[section] === undefined) {
      valid = false;
      report(
        ctx,
        [section],
        `Fill in ${name.en}: ${listEn(readers)} ${readers.length === 1 ? 'reads' : 'read'} it`,
        `请填写${name.zh}：${listZh(readers)}需要`,
      );
    } else if (readers.length === 0 && form[section] !== undefined) {
      valid = false;
      report(
        ctx,
        [section],
        `Leave out ${name.en}: no item of this application reads it`,
        `请删除${name.zh}：本申请的事项均不需要`,
      );
    }
  }
  return valid;
}

function checkMaterials(
  form: FormFields,
  bundle: Bundle,
  run: readonly CatalogueItem[],
  ctx: Parameters<FormRule['check']>[1],
) {
  const toFile = materialsToFile(run, answersOf(form, bundle));
  const known = new Set<string>([...MATERIAL_TYPES, ...toFile.map((material) => material.id)]);
  form.materials.forEach((material, index) => {
    if (!known.has(material.type))
      report(
        ctx,
        ['materials', index, 'type'],
        `This application files no material of type ${material.type}: choose one from its checklist`,
        `本申请不需要“${material.type}”类材料：请按材料清单选择`,
      );
  });
  const formRequires = new Set<string>(REQUIRED_MATERIALS.map(({ type }) => type));
  for (const material of toFile) {
    if (formRequires.has(material.id) || form.materials.some(({ type }) => type === material.id)) continue;
    const askers = run.filter((item) => material.items.includes(item.id));
    report(
      ctx,
      ['materials'],
      `Upload: ${material.name.en} (for ${listEn(askers)})`,
      `请上传${material.name.zh}（${listZh(askers)}需要）`,
    );
  }
}

export function catalogueRule(catalogue: Catalogue): FormRule {
  return {
    reads: [['bundle'], ['optionalItems'], ['premises'], ['clinic'], ['employment'], ['materials']],
    check(form, ctx) {
      const chosen = checkItems(catalogue, form, ctx);
      if (!chosen || !checkSections(form, chosen.offered, ctx)) return;
      const run = itemsRun(chosen.offered, answersOf(form, chosen.bundle));
      checkMaterials(form, chosen.bundle, run, ctx);
    },
  };
}
