import { compareLocalDates, type LocalDate, requireLocalDate } from '@gongkai/calendar';
import { badInput, requireText } from '@gongkai/kernel';
import { MAX_DRAFT_BODY } from './decision-draft';
import { requireDocumentNumber } from './normative-document';

/** The adopted decision as published (决策公布): final text, document number, effective date. */
export interface Adoption {
  readonly title: string;
  readonly finalText: string;
  readonly documentNumber: string;
  readonly adoptedOn: LocalDate;
  readonly effectiveOn: LocalDate;
  /** The meeting or leader that decided (e.g. 局务会议), as recorded in the minutes. */
  readonly approvedBy: string;
}

export const validateAdoption = (input: Readonly<Record<string, unknown>>, draftTitle: string, today: LocalDate): Adoption => {
  const adoption: Adoption = {
    title: requireText('title', input['title'], { max: 200, optional: true }) || draftTitle,
    finalText: requireText('finalText', input['finalText'], { max: MAX_DRAFT_BODY }),
    documentNumber: requireDocumentNumber('documentNumber', input['documentNumber']),
    adoptedOn: today,
    effectiveOn: requireLocalDate('effectiveOn', input['effectiveOn']),
    approvedBy: requireText('approvedBy', input['approvedBy'], { max: 200 }),
  };
  if (compareLocalDates(adoption.effectiveOn, today) < 0) {
    throw badInput('EFFECTIVE_BEFORE_ADOPTION', `A decision adopted on ${today} cannot take effect on ${adoption.effectiveOn}.`, { field: 'effectiveOn' });
  }
  return adoption;
};
