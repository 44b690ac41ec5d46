import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventToAppend } from '@gongkai/event-sourcing';
import type { ServiceGuide, ServiceItemEvent } from '@gongkai/services-catalog/domain';

const CITY = '445300';
const STAFF: EventMetadata['actor'] = { id: 'demo-window', roles: ['staff'], agencyCode: CITY, departmentCode: 'SERVICE_WINDOW' };
const SYSTEM: EventMetadata['actor'] = { id: 'system:services-catalog', roles: ['system'] };

/**
 * A service guide (办事指南) of the size the service window writes: about 1 KB of JSON, most of it
 * Chinese text (three bytes a character in UTF-8), as the stored rows will hold it.
 */
export const serviceGuide = (n: number, revision = 1): ServiceGuide => ({
  name: `建设项目环境影响报告表审批 第${n}号（第${revision}版）`,
  departmentCode: 'SERVICE_WINDOW',
  category: 'ADMINISTRATIVE_LICENSE',
  legalBasis: '《中华人民共和国环境影响评价法》第二十二条；《建设项目环境保护管理条例》第九条',
  conditions: '建设单位依法编制环境影响报告表，项目符合生态环境分区管控要求和产业政策。',
  materials: [
    { name: '建设项目环境影响报告表', originals: 1, copies: 2 },
    { name: '建设单位营业执照或法人证书', originals: 0, copies: 1 },
    { name: '公众参与说明', originals: 1, copies: 0 },
  ],
  steps: ['受理', '技术评估', '审查', '公示', '决定', '送达'],
  statutoryLimitWorkingDays: 30,
  promisedLimitWorkingDays: 15,
  feeFen: n % 4 === 0 ? 0 : 50_000 + n,
  feeBasis: n % 4 === 0 ? '' : '《广东省行政事业性收费项目目录》',
  location: '云浮市行政服务中心二楼环保窗口',
  serviceHours: '工作日 8:30-12:00，14:30-17:30',
  onlineUrl: 'https://www.gdzwfw.gov.cn/',
  contact: '0766-8888888',
  faq: [{ question: '报告表可以网上提交吗？', answer: '可以，通过广东政务服务网在线提交，纸质材料在受理后五个工作日内补交。' }],
});

type DataOf<T extends ServiceItemEvent['type']> = Extract<ServiceItemEvent, { type: T }>['data'];

const envelope = <T extends ServiceItemEvent['type']>(type: T, data: DataOf<T>, actor: EventMetadata['actor'], occurredAt: string): EventToAppend<DataOf<T>> => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  occurredAt,
  data,
  metadata: { actor, correlationId: randomUUID(), causationId: actor === SYSTEM ? randomUUID() : null },
});

/** The stream of one item, named as the services-catalog service names it. */
export const serviceItemStreamId = (itemId: string): string => `services-catalog.ServiceItem-${itemId}`;

export const drafted = (itemId: string, n: number, at: string): EventToAppend =>
  envelope('ServiceItemDrafted', { itemId, agencyCode: CITY, version: 1, guide: serviceGuide(n) }, STAFF, at);

export const revised = (itemId: string, n: number, version: number, at: string): EventToAppend =>
  envelope('ServiceItemRevised', { itemId, version, guide: serviceGuide(n, version), changeSummary: '更新申请材料清单和承诺时限' }, STAFF, at);

/**
 * An item's life up to publication, as the real command handlers and the review gate write it:
 * drafted, revised once, submitted for review, published after approval.
 */
export const publishedItemHistory = (itemId: string, n: number, at: string): EventToAppend[] => {
  const contentHash = randomUUID().replace(/-/g, '').repeat(2);
  const reviewId = randomUUID();
  const title = serviceGuide(n, 2).name;
  return [
    drafted(itemId, n, at),
    revised(itemId, n, 2, at),
    envelope(
      'ServiceItemPublicationRequested',
      {
        itemId,
        version: 2,
        contentHash,
        publicationRequest: { reviewId, itemType: 'SERVICE_GUIDE', itemId, itemVersion: 2, contentHash, title, agencyCode: CITY, departmentCode: 'SERVICE_WINDOW', requestedBy: STAFF.id },
      },
      STAFF,
      at,
    ),
    envelope('ServiceItemPublished', { itemId, version: 2, contentHash, reviewId, publishedAt: at }, SYSTEM, at),
  ];
};
