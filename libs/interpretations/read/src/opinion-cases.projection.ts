import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { OpinionCaseEvent } from '@gongkai/interpretations/domain';
import type { Projection, ReadStore } from '@gongkai/read-store';
import { OPINION_CASES, OPINION_RESPONSES, type OpinionCaseDocument, type OpinionResponseDocument } from './opinion-case-documents';

type EventOf<T extends OpinionCaseEvent['type']> = Extract<OpinionCaseEvent, { type: T }>['data'];

const earlier = (a: string | null, b: string): string => (a !== null && Date.parse(a) <= Date.parse(b) ? a : b);

/** Public-opinion cases for the bureau, and their responses one by one for the public list. */
export const opinionCasesProjection: Projection = {
  name: 'interpretations.opinion-cases',
  version: 1,
  collections: [OPINION_CASES, OPINION_RESPONSES],
  indexes: {
    [OPINION_CASES]: [{ keys: { agencyCode: 1, firstSeenAt: -1 } }],
    [OPINION_RESPONSES]: [{ keys: { publishedAt: -1 } }, { keys: { caseId: 1, number: 1 } }],
  },
  handles: ['OpinionCaseRegistered', 'OpinionMonitoringNoted', 'OpinionResponseRecorded', 'OpinionResponsePublished', 'OpinionCaseClosed'],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const cases = store.collection<OpinionCaseDocument>(OPINION_CASES);
    const responses = store.collection<OpinionResponseDocument>(OPINION_RESPONSES);
    const at = event.occurredAt;
    switch (event.type as OpinionCaseEvent['type']) {
      case 'OpinionCaseRegistered': {
        const { caseId, agencyCode, details, pressConferenceDueAt } = event.data as EventOf<'OpinionCaseRegistered'>;
        await cases.replaceOne(
          { _id: caseId },
          {
            _id: caseId,
            agencyCode,
            ...details,
            status: 'OPEN',
            pressConferenceDueAt,
            firstPressConferenceAt: null,
            notes: [],
            responses: [],
            summary: null,
            closedAt: null,
            registeredAt: at,
            updatedAt: at,
          },
          { upsert: true },
        );
        return;
      }
      case 'OpinionMonitoringNoted': {
        const { caseId, noteNumber, note, notedAt } = event.data as EventOf<'OpinionMonitoringNoted'>;
        await cases.updateOne({ _id: caseId }, { $set: { updatedAt: at }, $push: { notes: { number: noteNumber, note, notedAt, notedBy: event.metadata.actor.id } } });
        return;
      }
      case 'OpinionResponseRecorded': {
        const { caseId, responseNumber, response, publicationRequest } = event.data as EventOf<'OpinionResponseRecorded'>;
        const opinionCase = await cases.findOne({ _id: caseId });
        if (!opinionCase) return;
        const firstPressConferenceAt = response.kind === 'PRESS_CONFERENCE' ? earlier(opinionCase.firstPressConferenceAt, response.at) : opinionCase.firstPressConferenceAt;
        await cases.updateOne(
          { _id: caseId },
          {
            $set: { firstPressConferenceAt, updatedAt: at },
            $push: { responses: { ...response, number: responseNumber, reviewId: publicationRequest.reviewId, publishedAt: null } },
          },
        );
        await responses.replaceOne(
          { _id: `${caseId}:${responseNumber}` },
          { _id: `${caseId}:${responseNumber}`, caseId, agencyCode: opinionCase.agencyCode, topic: opinionCase.topic, number: responseNumber, ...response, publishedAt: null },
          { upsert: true },
        );
        return;
      }
      case 'OpinionResponsePublished': {
        const { caseId, responseNumber, publishedAt } = event.data as EventOf<'OpinionResponsePublished'>;
        const opinionCase = await cases.findOne({ _id: caseId });
        if (!opinionCase) return;
        const updated = opinionCase.responses.map((r) => (r.number === responseNumber ? { ...r, publishedAt } : r));
        await cases.updateOne({ _id: caseId }, { $set: { responses: updated, updatedAt: at } });
        await responses.updateOne({ _id: `${caseId}:${responseNumber}` }, { $set: { publishedAt } });
        return;
      }
      case 'OpinionCaseClosed': {
        const { caseId, summary, closedAt } = event.data as EventOf<'OpinionCaseClosed'>;
        await cases.updateOne({ _id: caseId }, { $set: { status: 'CLOSED', summary, closedAt, updatedAt: at } });
        return;
      }
    }
  },
};
