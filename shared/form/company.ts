import * as z from 'zod';
import { registeredAddressSchema } from './address';
import { businessScopeSchema } from './business-scope';
import { companyNameSchema, districtOfRegion, ORGANIZATION_FORMS, SUFFIXES_BY_FORM } from './company-name';
import { report, whenValid } from './cross-field';
import { yuanSchema } from './fields';

export const companySchema = z
  .object({
    name: companyNameSchema,
    organizationForm: z
      .enum(ORGANIZATION_FORMS)
      .describe('Company type: 有限责任公司, 一人有限责任公司 (one shareholder) or 股份有限公司'),
    registeredCapitalCny: yuanSchema({ en: 'Registered capital', zh: '注册资本' }).describe(
      'Registered capital (注册资本) in whole yuan: the sum of all subscribed capital',
    ),
    businessScope: businessScopeSchema,
    address: registeredAddressSchema,
  })
  .strict()
  .superRefine(
    (company, ctx) => {
      const suffixes = SUFFIXES_BY_FORM[company.organizationForm];
      if (!suffixes.includes(company.name.organizationForm)) {
        report(
          ctx,
          ['name', 'organizationForm'],
          `This company type must end its name with ${suffixes.join(' or ')}`,
          `该公司类型的名称应以“${suffixes.join('”或“')}”结尾`,
        );
      }
    },
    whenValid(['organizationForm'], ['name', 'organizationForm']),
  )
  .superRefine(
    (company, ctx) => {
      const district = districtOfRegion(company.name.region);
      if (district !== undefined && district !== company.address.district) {
        report(
          ctx,
          ['name', 'region'],
          `A district in the name must be the district of the registered address (${company.address.district})`,
          `名称中的区应与住所所在区（${company.address.district}）一致`,
        );
      }
    },
    whenValid(['name', 'region'], ['address', 'district']),
  )
  .describe('The company to register');
