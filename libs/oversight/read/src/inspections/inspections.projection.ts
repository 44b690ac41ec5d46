import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { InspectionEvent, InspectionFinding, InspectionKind } from '@gongkai/oversight/domain';
import type { Projection, ReadDocument, ReadStore } from '@gongkai/read-store';

export const INSPECTIONS = 'oversight_inspections';

export interface FindingEntry extends InspectionFinding {
  readonly rectifiedOn: string | null;
  readonly rectificationNote: string | null;
  readonly rectifiedLate: boolean;
}

/** An inspection (督查) with its findings and their rectification. */
export interface InspectionDocument extends ReadDocument {
  readonly agencyCode: string;
  readonly kind: InspectionKind;
  readonly inspectedOn: string;
  readonly subject: string;
  readonly findings: readonly FindingEntry[];
  readonly recordedBy: string;
}

type DataOf<T extends InspectionEvent['type']> = Extract<InspectionEvent, { type: T }>['data'];

export const inspectionsProjection: Projection = {
  name: 'oversight.inspections',
  version: 1,
  collections: [INSPECTIONS],
  indexes: { [INSPECTIONS]: [{ keys: { agencyCode: 1, inspectedOn: -1 } }] },
  handles: ['InspectionRecorded', 'RectificationRecorded'],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const inspections = store.collection<InspectionDocument>(INSPECTIONS);
    if (event.type === 'InspectionRecorded') {
      const data = event.data as DataOf<'InspectionRecorded'>;
      const findings = data.findings.map((f) => ({ ...f, rectifiedOn: null, rectificationNote: null, rectifiedLate: false }));
      await inspections.replaceOne(
        { _id: data.inspectionId },
        { _id: data.inspectionId, agencyCode: data.agencyCode, kind: data.kind, inspectedOn: data.inspectedOn, subject: data.subject, findings, recordedBy: event.metadata.actor.id },
        { upsert: true },
      );
      return;
    }
    const data = event.data as DataOf<'RectificationRecorded'>;
    const inspection = await inspections.findOne({ _id: data.inspectionId });
    if (!inspection) return;
    const findings = inspection.findings.map((f) => (f.number === data.findingNumber ? { ...f, rectifiedOn: data.rectifiedOn, rectificationNote: data.note, rectifiedLate: data.late } : f));
    await inspections.updateOne({ _id: data.inspectionId }, { $set: { findings } });
  },
};
