export { composeCompanyName, NAME_REGIONS, ORGANIZATION_FORMS, SUFFIXES_BY_FORM } from './company-name';
export { SERVICE_CENTRES } from './delivery';
export { CHANNELS } from './form-object';
export { GUANGZHOU_DISTRICTS, isStreetOf } from './guangzhou';
export { REQUIRED_MATERIALS } from './materials';
export {
  type ApplicationForm,
  applicationFormSchema,
  applicationFormSchemaOn,
  type ReferenceDate,
} from './schema';
