import * as z from 'zod';
import { invoiceResultSchema, registrationResultSchema, sealResultSchema } from '../api/responses';
import { ITEM_READS } from '../case/items';
import { REQUIRED_MATERIALS } from '../form/materials';
import { STATUTORY_LIMITS } from '../sla/config';
import type { CatalogueInput } from './catalogue';

/**
 * The catalogue's content. Every limit, quote and material basis is explained in docs/catalogue.md;
 * a number appears only where an article was read, everything else is `to-confirm`.
 */

const BAIYUN_REFORM =
  '广州市白云区《“不跑少跑，一次办好”政务服务改革工作方案》, as reported (docs/sources.md)';
const TO_CONFIRM = 'to-confirm';

const businessLicence = {
  id: 'business-licence',
  name: { zh: '营业执照', en: 'Business licence' },
  issuedBy: 'registration',
  basis: 'issued by the registration item; never asked of the founder',
};
const companySeal = {
  id: 'company-seal',
  name: { zh: '单位印章', en: 'Company seal' },
  issuedBy: 'seal',
  basis: 'issued by the seal item; never asked of the founder',
};

export const CATALOGUE_DATA: CatalogueInput = {
  version: '2026-12-01.1',
  departments: [
    { id: 'market-regulation', name: { zh: '市场监管部门', en: 'Market regulation' } },
    { id: 'tax', name: { zh: '税务部门', en: 'Tax' } },
    { id: 'public-security', name: { zh: '公安部门', en: 'Public security' } },
    { id: 'fire-and-rescue', name: { zh: '消防救援机构', en: 'Fire and rescue' } },
    { id: 'health-commission', name: { zh: '卫生健康部门', en: 'Health commission' } },
    {
      id: 'human-resources-social-security',
      name: { zh: '人力资源和社会保障部门（社会保险经办机构）', en: 'Human resources and social security' },
    },
    { id: 'housing-fund-centre', name: { zh: '住房公积金管理中心', en: 'Housing provident fund centre' } },
    { id: 'bank', name: { zh: '开户银行', en: 'Bank' } },
  ],
  items: [
    {
      id: 'registration',
      name: { zh: '企业设立登记', en: 'Enterprise registration' },
      department: 'market-regulation',
      statutoryLimitWorkingDays: STATUTORY_LIMITS.registration.workingDays,
      legalBasis: {
        law: '中华人民共和国市场主体登记管理条例',
        article: '第十九条',
        publishedIn: '中华人民共和国国务院令第746号 (2021)',
        quote: STATUTORY_LIMITS.registration.source.says,
        note: 'the SLA timer reads the same limit (shared/sla/config.ts STATUTORY_LIMITS.registration)',
      },
      dependsOn: [...ITEM_READS.registration.dependsOn],
      instantApproval: 'registration',
      materials: REQUIRED_MATERIALS.map(({ type, en, zh }) => ({
        id: type,
        name: { zh, en },
        basis: '中华人民共和国市场主体登记管理条例 第十六条',
      })),
      formFields: [...ITEM_READS.registration.sections],
      answers: [],
      results: registrationResultSchema,
      onSiteInspection: false,
    },
    {
      id: 'invoice',
      name: { zh: '发票申领', en: 'Invoice application' },
      department: 'tax',
      statutoryLimitWorkingDays: STATUTORY_LIMITS.invoice.workingDays,
      legalBasis: {
        law: '中华人民共和国发票管理办法',
        article: '第十五条 (as revised)',
        publishedIn: '国务院令 (the 发票管理办法 as revised)',
        quote: STATUTORY_LIMITS.invoice.source.says,
        note: 'the SLA timer reads the same limit (shared/sla/config.ts STATUTORY_LIMITS.invoice)',
      },
      dependsOn: [...ITEM_READS.invoice.dependsOn],
      instantApproval: 'invoice',
      materials: [businessLicence],
      formFields: [...ITEM_READS.invoice.sections],
      answers: [],
      results: invoiceResultSchema,
      onSiteInspection: false,
    },
    {
      id: 'seal',
      name: { zh: '刻章备案', en: 'Seal filing' },
      department: 'public-security',
      statutoryLimitWorkingDays: TO_CONFIRM,
      legalBasis: {
        law: '公章刻制备案 (public-security seal filing)',
        article: TO_CONFIRM,
        publishedIn: TO_CONFIRM,
        note: 'No statutory limit was found to cite; the platform holds the item to 1 working day (shared/sla/config.ts, status to-confirm) to keep it inside the 3-day case.',
      },
      dependsOn: [...ITEM_READS.seal.dependsOn],
      instantApproval: 'seal',
      materials: [businessLicence],
      formFields: [...ITEM_READS.seal.sections],
      answers: [],
      results: sealResultSchema,
      onSiteInspection: false,
    },
    {
      id: 'food-business-licence',
      name: { zh: '食品经营许可', en: 'Food business licence' },
      department: 'market-regulation',
      statutoryLimitWorkingDays: TO_CONFIRM,
      legalBasis: {
        law: '国务院关于整合调整餐饮服务场所的公共场所卫生许可证和食品经营许可证的决定',
        article: '一、取消餐饮服务场所公共场所卫生许可证',
        publishedIn: '国发〔2016〕12号',
        quote:
          '取消地方卫生部门对饭馆、咖啡馆、酒吧、茶座4类公共场所核发的卫生许可证，有关食品安全许可内容整合进食品药品监管部门核发的食品经营许可证，由食品药品监管部门一家许可、统一监管。',
        readAt: 'http://wisor.cc/policy/show.php?from=client&itemid=19075',
        note: 'The procedure and limit are in 食品经营许可和备案管理办法 (国家市场监督管理总局令第78号, 2023), whose text was not found in the sources searched: the limit, the materials and the on-site check are to-confirm.',
      },
      dependsOn: ['registration'],
      instantApproval: null,
      materials: [
        businessLicence,
        {
          id: 'food-business-licence-application',
          name: { zh: '食品经营许可申请书', en: 'Food business licence application' },
          basis: TO_CONFIRM,
        },
        {
          id: 'food-premises-layout',
          name: {
            zh: '经营场所和设备布局、操作流程等文件',
            en: 'Layout of the premises and equipment, and the food-handling flow',
          },
          basis: TO_CONFIRM,
        },
        {
          id: 'food-safety-management',
          name: {
            zh: '食品安全管理人员和食品安全管理制度',
            en: 'The food-safety manager and the food-safety rules',
          },
          basis: TO_CONFIRM,
        },
      ],
      formFields: ['company'],
      answers: ['premisesAreaM2'],
      results: z
        .object({ licenceNumber: z.string(), validUntil: z.iso.date() })
        .describe('Food business licence: its number and expiry'),
      onSiteInspection: true,
    },
    {
      id: 'fire-safety-inspection',
      name: {
        zh: '公众聚集场所投入使用、营业前消防安全检查',
        en: 'Fire-safety inspection before a public gathering place opens',
      },
      department: 'fire-and-rescue',
      statutoryLimitWorkingDays: TO_CONFIRM,
      legalBasis: {
        law: '中华人民共和国消防法',
        article: '第十五条',
        publishedIn: '中华人民共和国主席令 (消防法, 2019 修订, 2021 修正)',
        quote:
          '公众聚集场所在投入使用、营业前，建设单位或者使用单位应当向……消防机构申请消防安全检查。未经消防安全检查或者经检查不符合消防安全要求的，不得投入使用、营业。 … 公众聚集场所，是指宾馆、饭店、商场、集贸市场……以及公共娱乐场所等。',
        readAt: 'http://m.sh-hanglv.cn/news-16184.html (a fire brigade’s answer quoting 第十五条)',
        note: 'The article text itself was not read. A county fire brigade’s service guide (https://hnlykfq.gov.cn/gongminbanshi/15155.html) gives: without a commitment, on-site check within 10 working days of acceptance and a decision within 3 working days of the check; with a commitment (告知承诺), done within 1 working day and checked on site within 20 working days. Until the article is read the limit is to-confirm.',
      },
      dependsOn: ['registration'],
      instantApproval: null,
      materials: [
        businessLicence,
        {
          id: 'fire-safety-commitment',
          name: {
            zh: '公众聚集场所投入使用、营业消防安全告知承诺书',
            en: 'Fire-safety commitment letter (告知承诺)',
          },
          requiredWhen: [{ answer: 'fireSafetyCommitment', is: 'eq', value: true }],
          basis: 'county fire brigade service guide, 告知承诺方式 item 1 (hnlykfq.gov.cn)',
        },
        {
          id: 'fire-safety-inspection-form',
          name: { zh: '消防安全检查申报表', en: 'Fire-safety inspection application form' },
          requiredWhen: [{ answer: 'fireSafetyCommitment', is: 'eq', value: false }],
          basis: 'county fire brigade service guide, 一般程序 item 1 (hnlykfq.gov.cn)',
        },
        {
          id: 'fire-safety-rules-and-plan',
          name: {
            zh: '消防安全制度、灭火和应急疏散预案',
            en: 'Fire-safety rules, and the fire-fighting and evacuation plan',
          },
          basis: 'county fire brigade service guide, item 3 (hnlykfq.gov.cn)',
        },
        {
          id: 'premises-fire-plans',
          name: {
            zh: '场所平面布置图、场所消防设施平面图',
            en: 'Floor plan of the premises and plan of its fire-safety installations',
          },
          basis: 'county fire brigade service guide, item 4 (hnlykfq.gov.cn)',
        },
      ],
      formFields: ['company'],
      answers: ['fireSafetyCommitment'],
      results: z
        .object({ opinionNumber: z.string() })
        .describe('The fire-safety inspection opinion (消防安全检查意见书) number'),
      onSiteInspection: true,
    },
    {
      id: 'clinic-practice',
      name: {
        zh: '医疗机构执业登记 / 诊所备案',
        en: 'Medical institution practice registration or clinic filing',
      },
      department: 'health-commission',
      statutoryLimitWorkingDays: TO_CONFIRM,
      legalBasis: {
        law: '医疗机构管理条例 and its implementing rules; 诊所备案管理暂行办法',
        article: TO_CONFIRM,
        publishedIn: '诊所备案管理暂行办法: 国卫医政发〔2022〕33号',
        note: 'Neither text was found in the sources searched; the limit, the materials and whether the filing is checked on site are to-confirm.',
      },
      dependsOn: ['registration'],
      instantApproval: null,
      materials: [
        businessLicence,
        {
          id: 'clinic-filing-form',
          name: { zh: '诊所备案信息表', en: 'Clinic filing form' },
          basis: TO_CONFIRM,
        },
        {
          id: 'practitioner-licences',
          name: { zh: '医师执业证书', en: "Practitioners' licences" },
          basis: TO_CONFIRM,
        },
        {
          id: 'clinic-premises-proof',
          name: {
            zh: '诊所用房产权证明或使用证明及平面布局图',
            en: 'Proof of the premises and their layout',
          },
          basis: TO_CONFIRM,
        },
      ],
      formFields: ['company'],
      answers: ['trade'],
      results: z
        .object({ filingNumber: z.string() })
        .describe('The clinic filing (or practice licence) number'),
      onSiteInspection: false,
    },
    {
      id: 'social-insurance',
      name: { zh: '社会保险登记', en: "Employees' social insurance registration" },
      department: 'human-resources-social-security',
      statutoryLimitWorkingDays: TO_CONFIRM,
      legalBasis: {
        law: '中华人民共和国社会保险法',
        article: '第五十七条第一款; 第五十八条第一款',
        publishedIn: '中华人民共和国主席令第35号 (2010)',
        quote:
          '用人单位应当自成立之日起三十日内凭营业执照、登记证书或者单位印章，向当地社会保险经办机构申请办理社会保险登记。社会保险经办机构应当自收到申请之日起十五日内予以审核，发给社会保险登记证件。 … 用人单位应当自用工之日起三十日内为其职工向社会保险经办机构申请办理社会保险登记。',
        readAt:
          'http://bjrbj.gov.cn/xxgk/qzqd/xzqr/201603/t20160330_57193.html (Beijing HRSS list of powers)',
        note: 'The law gives 十五日 (days, not working days); the Beijing list reads it as 十五个工作日. Which count applies is to-confirm.',
      },
      dependsOn: ['registration', 'seal'],
      instantApproval: null,
      materials: [
        businessLicence,
        companySeal,
        {
          id: 'employee-registration-details',
          name: { zh: '职工社会保险登记信息', en: "Employees' details for their registration" },
          requiredWhen: [{ answer: 'employees', is: 'gt', value: 0 }],
          basis: '中华人民共和国社会保险法 第五十八条第一款',
        },
      ],
      formFields: ['company', 'legalRepresentative'],
      answers: ['employees'],
      results: z.object({ registrationNumber: z.string() }).describe('The social insurance registration'),
      onSiteInspection: false,
    },
    {
      id: 'housing-fund',
      name: { zh: '住房公积金缴存登记', en: 'Housing provident fund registration' },
      department: 'housing-fund-centre',
      statutoryLimitWorkingDays: TO_CONFIRM,
      legalBasis: {
        law: '住房公积金管理条例',
        article: '第十四条; 第十五条',
        publishedIn: '国务院令第262号 (1999), as revised 2002 and 2019',
        quote:
          '新设立的单位应当自设立之日起30日内向住房公积金管理中心办理住房公积金缴存登记，并自登记之日起20日内，为本单位职工办理住房公积金账户设立手续。 … 单位录用职工的，应当自录用之日起30日内向住房公积金管理中心办理缴存登记，并办理职工住房公积金账户的设立或者转移手续。',
        readAt:
          'a 北海 housing fund service guide quoting the regulation (search result, no address recorded)',
        note: 'The articles bind the employer, not the centre: no limit for the centre was found. The same guide commits to 一个工作日 locally.',
      },
      dependsOn: ['registration'],
      instantApproval: null,
      materials: [
        businessLicence,
        {
          id: 'housing-fund-registration-form',
          name: { zh: '住房公积金缴存登记申请表', en: 'Housing fund registration form' },
          basis: '北海 housing fund service guide',
        },
        {
          id: 'housing-fund-contribution-list',
          name: { zh: '住房公积金缴存清册', en: "Employees' contribution list" },
          requiredWhen: [{ answer: 'employees', is: 'gt', value: 0 }],
          basis: '住房公积金管理条例 第十五条; 北海 housing fund service guide',
        },
      ],
      formFields: ['company'],
      answers: ['employees'],
      results: z.object({ unitAccountNumber: z.string() }).describe("The employer's housing fund account"),
      onSiteInspection: false,
    },
    {
      id: 'bank-appointment',
      name: { zh: '银行开户预约', en: 'Bank account appointment' },
      department: 'bank',
      statutoryLimitWorkingDays: 'none',
      legalBasis: null,
      dependsOn: ['registration', 'seal'],
      instantApproval: null,
      materials: [
        businessLicence,
        companySeal,
        {
          id: 'legal-representative-identity',
          name: { zh: '法定代表人身份证件', en: "The legal representative's identity document" },
          basis: TO_CONFIRM,
        },
      ],
      formFields: ['company', 'legalRepresentative', 'contact'],
      answers: [],
      results: z
        .object({ bank: z.string(), branch: z.string(), appointmentAt: z.iso.datetime() })
        .describe('Where and when the account is opened'),
      onSiteInspection: false,
    },
  ],
  bundles: [
    {
      id: 'company-opening',
      name: { zh: '企业开办', en: 'Opening a company' },
      items: ['registration', 'invoice', 'seal'],
      optionalItems: ['social-insurance', 'housing-fund', 'bank-appointment'],
      slaWorkingDays: 3,
      commitmentBasis: `${BAIYUN_REFORM}: 2018年底前，将企业开办时间整体压缩至3个工作日内`,
    },
    {
      id: 'restaurant',
      name: { zh: '开餐馆', en: 'Opening a restaurant' },
      items: ['registration', 'invoice', 'seal', 'food-business-licence', 'fire-safety-inspection'],
      optionalItems: ['social-insurance', 'housing-fund', 'bank-appointment'],
      slaWorkingDays: TO_CONFIRM,
      commitmentBasis:
        'No published commitment for opening a restaurant was found; the Baiyun 3 days cover company opening.',
    },
    {
      id: 'clinic',
      name: { zh: '开诊所', en: 'Opening a clinic' },
      items: ['registration', 'invoice', 'seal', 'clinic-practice'],
      optionalItems: ['social-insurance', 'housing-fund', 'bank-appointment'],
      slaWorkingDays: TO_CONFIRM,
      commitmentBasis:
        'No published commitment for opening a clinic was found; the Baiyun 3 days cover company opening.',
    },
  ],
};
