/** Actors of the oversight specifications, as the demo accounts hold them. */
import type { Actor } from '@gongkai/kernel';

export const office: Actor = { id: 'demo-office', roles: ['office', 'staff'], agencyCode: '445300', departmentCode: 'OFFICE' };
export const countyOffice: Actor = { id: 'county-office', roles: ['office', 'staff'], agencyCode: '445381', departmentCode: 'OFFICE' };
export const window: Actor = { id: 'demo-window', roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW' };
export const planning: Actor = { id: 'demo-planning', roles: ['staff'], agencyCode: '445300', departmentCode: 'PLANNING' };
export const auditor: Actor = { id: 'demo-auditor', roles: ['auditor'], agencyCode: '445300' };
export const leader: Actor = { id: 'demo-leader', roles: ['leader'], agencyCode: '445300' };
export const system: Actor = { id: 'system:oversight', roles: ['system'] };
export const anonymous: Actor = { id: 'anonymous', roles: ['public'] };
export const at = '2026-11-27T02:00:00.000Z';
