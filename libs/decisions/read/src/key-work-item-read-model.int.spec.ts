import { keyWorkItemDecider, type KeyWorkItemCommand } from '@gongkai/decisions/domain';
import { ANONYMOUS, type Actor, systemActor } from '@gongkai/kernel';
import { InMemoryReadStore } from '@gongkai/read-store';
import { EventHistory } from '@gongkai/testing';
import { KEY_WORK_ITEMS, type KeyWorkItemDocument } from './key-work-item-document';
import { keyWorkItemsFilter, viewKeyWorkItem } from './key-work-item-visibility';
import { keyWorkItemsProjection } from './key-work-items.projection';

const supervision: Actor = { id: 'demo-supervision', roles: ['staff'], agencyCode: '445300', departmentCode: 'SUPERVISION' };
const STREAM = 'decisions.KeyWorkItem-w1';
const report = (period: string) => ({ period, tasks: '完成重点企业在线监控联网', progress: '已联网40家', results: '联网率80%', nextSteps: '年底前全部联网' });

describe('Key work and its progress reports, as the public reads them', () => {
  it('shows the public a key work item only with its published reports', async () => {
    const store = new InMemoryReadStore();
    const history = new EventHistory();
    const decide = (command: KeyWorkItemCommand, actor: Actor = supervision) => history.decide(keyWorkItemDecider, STREAM, command, actor, '2026-04-01T04:00:00Z');
    decide({ type: 'CreateKeyWorkItem', data: { workItemId: 'w1', agencyCode: '445300', item: { kind: 'PLAN', title: '2026年污染源监管计划', departmentCode: 'SUPERVISION' } } });
    decide({ type: 'ReportKeyWorkProgress', data: { workItemId: 'w1', reviewId: 'p1', report: report('2026年第一季度') } });
    await history.project(store, keyWorkItemsProjection);
    const items = store.collection<KeyWorkItemDocument>(KEY_WORK_ITEMS);
    expect(await items.count(keyWorkItemsFilter(ANONYMOUS))).toBe(0);
    expect(viewKeyWorkItem((await items.findOne({ _id: 'w1' }))!, ANONYMOUS)).toBeNull();

    const from = history.events.length;
    const request = history.lastPublicationRequest(STREAM);
    decide({ type: 'PublishReviewedProgressReport', data: { workItemId: 'w1', version: 1, contentHash: request.contentHash, reviewId: 'p1' } }, systemActor('decisions.publication'));
    decide({ type: 'ReportKeyWorkProgress', data: { workItemId: 'w1', reviewId: 'p2', report: report('2026年第二季度') } });
    await history.project(store, keyWorkItemsProjection, from);

    expect(await items.count(keyWorkItemsFilter(ANONYMOUS, 'PLAN'))).toBe(1);
    expect(await items.count(keyWorkItemsFilter(ANONYMOUS, 'REFORM_TASK'))).toBe(0);
    const item = (await items.findOne({ _id: 'w1' }))!;
    expect(viewKeyWorkItem(item, ANONYMOUS)?.reports.map((r) => r.period)).toEqual(['2026年第一季度']);
    expect(viewKeyWorkItem(item, supervision)?.reports.map((r) => [r.period, r.publishedAt !== null])).toEqual([
      ['2026年第一季度', true],
      ['2026年第二季度', false],
    ]);
  });
});
