import type { Actor } from '@gongkai/kernel';
import type { DisclosureCategory } from './disclosure-categories';

/** Fictitious Yunfu enterprises with valid credit codes (GB 32100-2015). */
export const YUNCHENG_CEMENT = '91445302707712343T';
export const LUODING_PAPER = '91445381MA4UK7L2XB';
export const XINXING_STEEL = '914453211943876526';

/** The city bureau's enforcement branch (环境监察分局) and monitoring station (监测站). */
export const ENFORCEMENT: Actor = { id: 'demo-enforcement', roles: ['staff'], agencyCode: '445300', departmentCode: 'ENFORCEMENT_BRANCH' };
export const MONITORING: Actor = { id: 'demo-monitoring', roles: ['staff'], agencyCode: '445300', departmentCode: 'MONITORING_STATION' };
export const COUNTY_STAFF: Actor = { id: 'demo-county', roles: ['staff'], agencyCode: '445381', departmentCode: 'ENFORCEMENT_BRANCH' };
export const SYSTEM: Actor = { id: 'system:supervision.publication', roles: ['system'] };

/** A valid record of each category, formed on 2026-02-10, as staff would enter it. */
export const VALID_RECORDS: Readonly<Record<DisclosureCategory, { enterpriseCreditCode: string | null; title: string; details: Record<string, unknown> }>> = {
  ENVIRONMENTAL_QUALITY: {
    enterpriseCreditCode: null,
    title: '2026年1月云浮市城区环境空气质量状况',
    details: {
      periodFrom: '2026-01-01',
      periodTo: '2026-01-31',
      area: '云浮市城区',
      medium: 'AIR',
      indicators: [
        { name: 'PM2.5', value: 31, unit: 'μg/m³', standard: 35 },
        { name: 'PM10', value: 52, unit: 'μg/m³' },
      ],
    },
  },
  SUPERVISORY_MONITORING: {
    enterpriseCreditCode: YUNCHENG_CEMENT,
    title: '1号排放口 颗粒物 监督性监测结果',
    details: { outlet: '1号排放口', pollutant: '颗粒物', measuredValue: 32.5, unit: 'mg/m³', limit: 30, sampledAt: '2026-02-09T02:30:00.000Z' },
  },
  ADMINISTRATIVE_PENALTY: {
    enterpriseCreditCode: LUODING_PAPER,
    title: '云环罚〔2026〕3号',
    details: {
      decisionNumber: '云环罚〔2026〕3号',
      facts: '超标排放水污染物',
      legalBasis: '《中华人民共和国水污染防治法》第八十三条',
      penaltyKind: 'FINE',
      amountFen: 25_000_000,
      decidedOn: '2026-02-10',
    },
  },
  DISCHARGE_PERMIT: {
    enterpriseCreditCode: XINXING_STEEL,
    title: '排污许可证 91445321194387652600',
    details: { permitNumber: '91445321194387652600', action: 'ISSUED', validFrom: '2026-02-10', validTo: '2031-02-09' },
  },
  EIA_APPROVAL: {
    enterpriseCreditCode: null,
    title: '云浮市城市总体规划环境影响报告书审查意见',
    details: { subjectKind: 'PLAN', subjectName: '云浮市城市总体规划（2016—2035年）', approvalNumber: '云环审〔2026〕5号', decision: 'APPROVED' },
  },
  HAZARDOUS_WASTE_TRANSFER: {
    enterpriseCreditCode: YUNCHENG_CEMENT,
    title: '危险废物转移 粤危转〔2026〕12号',
    details: { approvalNumber: '粤危转〔2026〕12号', wasteCode: 'HW08', wasteName: '废矿物油', quantityTonnes: 12.5, receiverName: '广东某环保科技有限公司' },
  },
  DISCHARGE_FEE: {
    enterpriseCreditCode: XINXING_STEEL,
    title: '2025年第四季度排污费征收',
    details: { periodFrom: '2025-10-01', periodTo: '2025-12-31', amountFen: 1_234_500 },
  },
  COMPLAINT_CASE: {
    enterpriseCreditCode: LUODING_PAPER,
    title: '信访投诉案件 XF2026-001',
    details: { caseNumber: 'XF2026-001', receivedOn: '2026-01-20', summary: '群众反映夜间异味', handling: '现场检查，责令整改', result: '已整改' },
  },
  ENFORCEMENT_ACTION: {
    enterpriseCreditCode: LUODING_PAPER,
    title: '云环限〔2026〕1号',
    details: { decisionNumber: '云环限〔2026〕1号', actionKind: 'PRODUCTION_RESTRICTION', facts: '超标排放', legalBasis: '《中华人民共和国环境保护法》第六十条', decidedOn: '2026-02-10' },
  },
  EMERGENCY_INCIDENT: {
    enterpriseCreditCode: null,
    title: '某河段突发水污染事件',
    details: {
      incidentName: '某河段突发水污染事件',
      occurredAt: '2026-02-08 22:10',
      location: '新兴县某河段',
      severity: 'GENERAL',
      description: '河段出现异常泡沫',
      response: '启动应急预案，截流采样',
    },
  },
};
