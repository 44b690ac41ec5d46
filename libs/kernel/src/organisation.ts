/**
 * The bureau's organisation: the city bureau and the county bureaus under it (agencies), and the
 * responsible departments (责任科室) named in the work plan.
 */
export interface Agency {
  readonly code: string;
  readonly name: string;
  /** City-level staff may see every agency's records; county staff only their own. */
  readonly level: 'CITY' | 'COUNTY';
}

/** Codes are the administrative division codes of the city and its counties. */
export const AGENCIES: readonly Agency[] = [
  { code: '445300', name: '云浮市环境保护局', level: 'CITY' },
  { code: '445302', name: '云城区环境保护局', level: 'COUNTY' },
  { code: '445303', name: '云安区环境保护局', level: 'COUNTY' },
  { code: '445321', name: '新兴县环境保护局', level: 'COUNTY' },
  { code: '445322', name: '郁南县环境保护局', level: 'COUNTY' },
  { code: '445381', name: '罗定市环境保护局', level: 'COUNTY' },
];

export const CITY_AGENCY_CODE = '445300';

export interface Department {
  readonly code: string;
  readonly name: string;
}

export const DEPARTMENTS: readonly Department[] = [
  { code: 'OFFICE', name: '办公室' },
  { code: 'REGULATIONS', name: '法规科' },
  { code: 'PLANNING', name: '规划科' },
  { code: 'SUPERVISION', name: '监督科' },
  { code: 'EMISSION_TOTALS', name: '总量科' },
  { code: 'ENFORCEMENT_BRANCH', name: '环境监察分局' },
  { code: 'MONITORING_STATION', name: '监测站' },
  { code: 'INFORMATION_CENTRE', name: '信息中心' },
  { code: 'SERVICE_WINDOW', name: '环保窗口' },
];

export const findDepartment = (code: string): Department | undefined => DEPARTMENTS.find((d) => d.code === code);
export const findAgency = (code: string): Agency | undefined => AGENCIES.find((a) => a.code === code);
