/**
 * The authorities of a Guangzhou district, by the names they sign with: the district's market regulation
 * bureau registers, the Guangzhou public security bureau's district branch files seals, the district tax
 * bureau of the State Taxation Administration confirms invoices.
 */
export const registrationAuthority = (district: string): string => `广州市${district}市场监督管理局`;
export const publicSecurityBureau = (district: string): string => `广州市公安局${district}分局`;
export const taxOffice = (district: string): string => `国家税务总局广州市${district}税务局`;
