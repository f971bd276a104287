import * as z from 'zod';
import { REQUIRED_MATERIALS } from '../form/materials';
import { STATUTORY_LIMITS } from '../sla/config';
import type { CatalogueInput } from './catalogue';
import { invoiceResultSchema, registrationResultSchema, sealResultSchema } from './results';

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
      dependsOn: [],
      instantApproval: 'registration',
      materials: REQUIRED_MATERIALS.map(({ type, en, zh }) => ({
        id: type,
        name: { zh, en },
        basis: '中华人民共和国市场主体登记管理条例 第十六条',
      })),
      formFields: [
        'channel',
        'company',
        'legalRepresentative',
        'shareholders',
        'directors',
        'supervisoryArrangement',
        'supervisor',
        'manager',
        'contact',
        'materials',
      ],
      fullIdentity: true,
      answers: [],
      results: registrationResultSchema,
      documents: [
        {
          kind: 'e-licence',
          name: { zh: '电子营业执照', en: 'Electronic business licence' },
          basis:
            '中华人民共和国市场主体登记管理条例 第二十一条、第二十二条 (电子营业执照与纸质营业执照具有同等法律效力); 中华人民共和国公司法 (2023) 第三十三条',
        },
      ],
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
      dependsOn: ['registration'],
      instantApproval: 'invoice',
      materials: [businessLicence],
      formFields: ['company', 'legalRepresentative', 'contact', 'invoice'],
      fullIdentity: false,
      answers: [],
      results: invoiceResultSchema,
      documents: [
        {
          kind: 'invoice-approval-notice',
          name: { zh: '发票领用（票种核定）通知', en: 'Notice of the invoices approved' },
          basis:
            '中华人民共和国发票管理办法 第十五条: the tax authority confirms the kinds and quantity of invoices (确认领购发票的种类、数量以及领购方式, the 2010 text)',
        },
      ],
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
      dependsOn: ['registration'],
      instantApproval: 'seal',
      materials: [businessLicence],
      formFields: ['company', 'legalRepresentative', 'contact', 'seals'],
      fullIdentity: false,
      answers: [],
      results: sealResultSchema,
      documents: [
        {
          kind: 'seal-filing-certificate',
          name: { zh: '印章刻制备案证明', en: 'Seal filing certificate' },
          basis:
            'practice (to-confirm): the seal maker reports the seals made to public security through the 印章治安管理信息系统 for filing (备案); no text naming the certificate was read',
        },
      ],
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
        note: 'The licence itself: 食品安全法 (2021) 第三十五条 — catering needs a licence; the authority reviews the documents of 第三十三条第一款第一项至第四项 and "必要时对申请人的生产经营场所进行现场核查" (LawRefBook/Laws mirror of flk.npc.gov.cn). The procedure and limit are in 食品经营许可和备案管理办法 (国家市场监督管理总局令第78号, 2023), whose text was not found: the limit is to-confirm. The district checks on site, jointly with the fire-safety inspection (联合勘验).',
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
          basis: '食品安全法 第三十三条第一款第一项、第二项、第四项 (the documents 第三十五条 has reviewed)',
        },
        {
          id: 'food-safety-management',
          name: {
            zh: '食品安全管理人员和食品安全管理制度',
            en: 'The food-safety manager and the food-safety rules',
          },
          basis: '食品安全法 第三十三条第一款第三项; 第四十四条第三款',
        },
      ],
      formFields: ['company', 'contact', 'premises'],
      fullIdentity: false,
      answers: ['premisesAreaM2'],
      results: z.object({ licenceNumber: z.string() }).describe('Food business licence: its number'),
      onSiteInspection: true,
    },
    {
      id: 'fire-safety-inspection',
      name: {
        zh: '公众聚集场所投入使用、营业前消防安全检查',
        en: 'Fire-safety inspection before a public gathering place opens',
      },
      department: 'fire-and-rescue',
      statutoryLimitWorkingDays: 10,
      legalBasis: {
        law: '中华人民共和国消防法',
        article: '第十五条',
        publishedIn: '中华人民共和国消防法 (2021年4月29日第二次修正)',
        quote:
          '公众聚集场所投入使用、营业前消防安全检查实行告知承诺管理。… 申请人选择不采用告知承诺方式办理的，消防救援机构应当自受理申请之日起十个工作日内，根据消防技术标准和管理规定，对该场所进行检查。经检查符合消防安全要求的，应当予以许可。 … 公众聚集场所未经消防救援机构许可的，不得投入使用、营业。',
        readAt:
          'LawRefBook/Laws, 行政法/消防法(2021-04-29).md (a mirror of flk.npc.gov.cn); 第七十三条第三项 lists 饭店 among 公众聚集场所',
        note: 'The ten working days bind the inspection without a commitment; with the commitment (告知承诺) the licence is given once the materials are complete and the place is checked afterwards (第十五条第二款). Materials: a county fire brigade’s service guide (https://hnlykfq.gov.cn/gongminbanshi/15155.html).',
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
      formFields: ['company', 'contact', 'premises'],
      fullIdentity: false,
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
        law: '医疗机构管理条例; 诊所备案管理暂行办法',
        article: '医疗机构管理条例 第十五条、第十八条、第十九条 (2016 text)',
        publishedIn: '国务院令第149号 (1994), as revised 2016; 诊所备案管理暂行办法: 国卫医政发〔2022〕33号',
        quote:
          '医疗机构执业，必须进行登记，领取《医疗机构执业许可证》。 … 医疗机构执业登记的主要事项：（一）名称、地址、主要负责人；（二）所有制形式；（三）诊疗科目、床位；（四）注册资金。 … 县级以上地方人民政府卫生行政部门自受理执业登记申请之日起45日内……进行审核。',
        readAt: 'LawRefBook/Laws, 行政法规/医疗机构管理条例(2016-02-06).md (a mirror of flk.npc.gov.cn)',
        note: 'The 45 days are days, not working days, and the text read predates the 2022 revision (国务院令第752号) that brought clinic filing; 诊所备案管理暂行办法 was not found. So the limit is to-confirm. The form asks what 第十八条 records (medical subjects, beds) and the practitioners, who may not practise without a certificate (医师法 第十三条).',
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
          basis: '中华人民共和国医师法 第十三条: 未注册取得医师执业证书，不得从事医师执业活动',
        },
        {
          id: 'clinic-premises-proof',
          name: {
            zh: '诊所用房产权证明或使用证明及平面布局图',
            en: 'Proof of the premises and their layout',
          },
          basis:
            'a 百色 health commission guide to 医疗机构执业登记 (房屋产权证明或者使用证明；建筑设计或者业务用房平面图; third-party copy, wenku365.com/p-13794142.html); for a filed clinic to-confirm',
        },
      ],
      formFields: ['company', 'contact', 'clinic'],
      fullIdentity: false,
      answers: [],
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
      formFields: ['company', 'legalRepresentative', 'employment'],
      fullIdentity: false,
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
      formFields: ['company', 'employment'],
      fullIdentity: false,
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
          // The identity documents every application files: the bank reads them, nothing is filed twice.
          id: 'identity-document',
          name: { zh: '法定代表人身份证件', en: "The legal representative's identity document" },
          basis: TO_CONFIRM,
        },
      ],
      formFields: ['company', 'legalRepresentative', 'contact'],
      fullIdentity: false,
      answers: [],
      results: z
        .object({ appointmentNumber: z.string(), appointmentDate: z.iso.date() })
        .describe('The appointment to open the account: its number and day'),
      onSiteInspection: false,
    },
  ],
  bundles: [
    {
      id: 'company-opening',
      name: { zh: '企业开办', en: 'Opening a company' },
      trade: 'general',
      items: ['registration', 'invoice', 'seal'],
      optionalItems: ['social-insurance', 'housing-fund', 'bank-appointment'],
      slaWorkingDays: 3,
      commitment: 'published',
      commitmentBasis: `${BAIYUN_REFORM}: 2018年底前，将企业开办时间整体压缩至3个工作日内`,
    },
    {
      id: 'restaurant',
      name: { zh: '开餐馆', en: 'Opening a restaurant' },
      trade: 'catering',
      items: ['registration', 'invoice', 'seal', 'food-business-licence', 'fire-safety-inspection'],
      optionalItems: ['social-insurance', 'housing-fund', 'bank-appointment'],
      slaWorkingDays: 13,
      commitment: 'platform-decision',
      commitmentBasis:
        'No Guangzhou commitment for opening a restaurant was found. The platform holds the case to the 13 working days Sichuan committed to for its 开办餐饮店“一件事” (Xinhua, 2025-07-23, read in an English summary: from 48 to 13 working days) until the district publishes its own.',
    },
    {
      id: 'clinic',
      name: { zh: '开诊所', en: 'Opening a clinic' },
      trade: 'clinic',
      items: ['registration', 'invoice', 'seal', 'clinic-practice'],
      optionalItems: ['social-insurance', 'housing-fund', 'bank-appointment'],
      slaWorkingDays: 40,
      commitment: 'platform-decision',
      commitmentBasis:
        'No commitment for opening a clinic was found. The platform holds the case to the 40 working days a 百色 health commission guide commits to for 医疗机构执业登记 (承诺办结时限40个工作日; third-party copy, wenku365.com/p-13794142.html) until the district publishes its own.',
    },
  ],
};
