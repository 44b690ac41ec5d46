import { assertNever, type DecideContext, type Decider } from '@gongkai/kernel';
import { correctDisclosure, revokeDisclosure } from './disclosure-changes';
import type { DisclosureLedgerCommand } from './disclosure-ledger-commands';
import { type DisclosureLedgerEvent, type DisclosureLedgerState, evolveDisclosureLedger, initialDisclosureLedgerState } from './disclosure-ledger-events';
import { publishImportedChunk, publishReviewedDisclosure, requestDisclosurePublication } from './disclosure-publication';
import { importDisclosureChunk, recordDisclosure } from './disclosure-recording';

export const decideDisclosureLedger = (command: DisclosureLedgerCommand, state: DisclosureLedgerState, context: DecideContext): DisclosureLedgerEvent[] => {
  switch (command.type) {
    case 'RecordDisclosure':
      return recordDisclosure(command, state, context);
    case 'ImportDisclosureChunk':
      return importDisclosureChunk(command, state, context);
    case 'CorrectDisclosure':
      return correctDisclosure(command, state, context);
    case 'RevokeDisclosure':
      return revokeDisclosure(command, state, context);
    case 'RequestDisclosurePublication':
      return requestDisclosurePublication(command, state, context);
    case 'PublishReviewedDisclosure':
      return publishReviewedDisclosure(command, state, context);
    case 'PublishImportedChunk':
      return publishImportedChunk(command, state, context);
    default:
      return assertNever(command);
  }
};

/** Disclosure records (监管信息公开) of one ledger: a record on its own, or a chunk of a bulk import. */
export const disclosureLedgerDecider: Decider<DisclosureLedgerCommand, DisclosureLedgerEvent, DisclosureLedgerState> = {
  initialState: initialDisclosureLedgerState,
  decide: decideDisclosureLedger,
  evolve: evolveDisclosureLedger,
};
