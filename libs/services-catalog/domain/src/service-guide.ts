import { badInput, requireDepartment, requireInteger, requireList, requireOneOf, requireText, requireUrl } from '@gongkai/kernel';

/** The kind of service item, as the catalogue groups them. */
export const SERVICE_CATEGORIES = [
  'ADMINISTRATIVE_LICENSE', // 行政许可
  'ADMINISTRATIVE_CONFIRMATION', // 行政确认
  'ADMINISTRATIVE_FILING', // 备案
  'PUBLIC_SERVICE', // 公共服务
  'OTHER',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export interface RequiredMaterial {
  readonly name: string;
  /** How many originals (原件) and copies (复印件) the applicant hands in. */
  readonly originals: number;
  readonly copies: number;
}

export interface FrequentQuestion {
  readonly question: string;
  readonly answer: string;
}

/** The service guide (办事指南): everything an applicant needs to know before coming. */
export interface ServiceGuide {
  readonly name: string;
  readonly departmentCode: string;
  readonly category: ServiceCategory;
  readonly legalBasis: string;
  readonly conditions: string;
  readonly materials: readonly RequiredMaterial[];
  readonly steps: readonly string[];
  /** Time limit set by law (法定时限), in working days. */
  readonly statutoryLimitWorkingDays: number;
  /** Time limit the bureau promises (承诺时限), in working days; never longer than the statutory one. */
  readonly promisedLimitWorkingDays: number;
  /** Fee in fen; 0 when the service is free. */
  readonly feeFen: number;
  readonly feeBasis: string;
  readonly location: string;
  readonly serviceHours: string;
  readonly onlineUrl: string;
  readonly contact: string;
  readonly faq: readonly FrequentQuestion[];
}

/** Validates raw input at the edge of the domain; every problem names its field. */
export const validateServiceGuide = (input: Readonly<Record<string, unknown>>): ServiceGuide => {
  const guide: ServiceGuide = {
    name: requireText('name', input['name'], { max: 200 }),
    departmentCode: requireDepartment('departmentCode', input['departmentCode']),
    category: requireOneOf('category', input['category'], SERVICE_CATEGORIES),
    legalBasis: requireText('legalBasis', input['legalBasis'], { max: 4000 }),
    conditions: requireText('conditions', input['conditions'], { max: 8000 }),
    materials: requireList('materials', input['materials'] ?? [], { max: 100 }, (item, i) => {
      const material = (item ?? {}) as Record<string, unknown>;
      return {
        name: requireText(`materials[${i}].name`, material['name'], { max: 300 }),
        originals: requireInteger(`materials[${i}].originals`, material['originals'], { min: 0, max: 99 }),
        copies: requireInteger(`materials[${i}].copies`, material['copies'], { min: 0, max: 99 }),
      };
    }),
    steps: requireList('steps', input['steps'] ?? [], { max: 50 }, (step, i) => requireText(`steps[${i}]`, step, { max: 1000 })),
    statutoryLimitWorkingDays: requireInteger('statutoryLimitWorkingDays', input['statutoryLimitWorkingDays'], { min: 0, max: 365 }),
    promisedLimitWorkingDays: requireInteger('promisedLimitWorkingDays', input['promisedLimitWorkingDays'], { min: 0, max: 365 }),
    feeFen: requireInteger('feeFen', input['feeFen'], { min: 0, max: 100_000_000_00 }),
    feeBasis: requireText('feeBasis', input['feeBasis'], { max: 2000, optional: true }),
    location: requireText('location', input['location'], { max: 500 }),
    serviceHours: requireText('serviceHours', input['serviceHours'], { max: 500, optional: true }),
    onlineUrl: requireUrl('onlineUrl', input['onlineUrl'], { optional: true }),
    contact: requireText('contact', input['contact'], { max: 200 }),
    faq: requireList('faq', input['faq'] ?? [], { max: 50 }, (item, i) => {
      const entry = (item ?? {}) as Record<string, unknown>;
      return {
        question: requireText(`faq[${i}].question`, entry['question'], { max: 1000 }),
        answer: requireText(`faq[${i}].answer`, entry['answer'], { max: 4000 }),
      };
    }),
  };
  if (guide.promisedLimitWorkingDays > guide.statutoryLimitWorkingDays) {
    throw badInput('PROMISED_LIMIT_EXCEEDS_STATUTORY', 'The promised time limit may not be longer than the statutory time limit.', {
      field: 'promisedLimitWorkingDays',
    });
  }
  if (guide.feeFen > 0 && !guide.feeBasis) {
    throw badInput('FEE_WITHOUT_BASIS', 'A service that charges a fee must name the legal basis of the fee.', { field: 'feeBasis' });
  }
  return guide;
};
