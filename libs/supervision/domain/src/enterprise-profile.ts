import { type Actor, AGENCIES, badInput, canActForAgency, CITY_AGENCY_CODE, requireAgencyScope, requireText } from '@gongkai/kernel';
import { requireCreditCode } from './credit-code';
import type { EnterpriseProfile } from './enterprise-events';

/** The county-level divisions of the city: each has its county bureau. */
export const COUNTY_CODES: readonly string[] = AGENCIES.filter((agency) => agency.level === 'COUNTY').map((agency) => agency.code);

export const requireCountyCode = (field: string, value: unknown): string => {
  const countyCode = requireText(field, value, { max: 6 });
  if (!COUNTY_CODES.includes(countyCode)) throw badInput('UNKNOWN_COUNTY', `${field} must be one of ${COUNTY_CODES.join(', ')}.`, { field });
  return countyCode;
};

export const validateEnterpriseProfile = (input: Readonly<Record<string, unknown>>): EnterpriseProfile => {
  const countyCode = requireCountyCode('countyCode', input['countyCode']);
  return {
    creditCode: requireCreditCode('creditCode', input['creditCode']),
    name: requireText('name', input['name'], { max: 200 }),
    address: requireText('address', input['address'], { max: 300 }),
    countyCode,
    industry: requireText('industry', input['industry'], { max: 100 }),
  };
};

/** An enterprise is supervised by the city bureau and by the county bureau where it lies; other county bureaus keep out. */
export const canActForEnterprise = (actor: Actor, countyCode: string): boolean => canActForAgency(actor, CITY_AGENCY_CODE) || canActForAgency(actor, countyCode);

export const requireEnterpriseScope = (actor: Actor, countyCode: string): void => {
  if (!canActForEnterprise(actor, countyCode)) requireAgencyScope(actor, countyCode);
};
