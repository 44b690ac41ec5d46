import { INTERPRETATION_FORMS, INTERPRETATION_STATUSES, OBLIGATION_STATUSES, OPINION_RESPONSE_KINDS, OPINION_SOURCES, SEVERITIES } from '@gongkai/interpretations/domain';
import { registerEnumType } from '@nestjs/graphql';

/** A GraphQL enum whose values are exactly the domain's. */
const enumOf = <T extends string>(values: readonly T[], name: string, description: string): Record<T, T> => {
  const values$ = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(values$, { name, description });
  return values$;
};

export const InterpretationForm = enumOf(INTERPRETATION_FORMS, 'InterpretationForm', 'The form of a policy interpretation (政策解读): text, graphic, video, expert interview, Q&A.');
export const InterpretationStatus = enumOf(
  INTERPRETATION_STATUSES,
  'InterpretationStatus',
  'Where the current version stands; APPROVED: the reviewer approved it and it goes out with its document.',
);
export const ObligationStatus = enumOf(OBLIGATION_STATUSES, 'ObligationStatus', 'The three-working-day rule on the day asked about (最迟不超过3个工作日).');
export const Severity = enumOf(SEVERITIES, 'Severity', 'Severity of a public-opinion case: general, major, especially major (一般, 重大, 特别重大).');
export const OpinionSource = enumOf(OPINION_SOURCES, 'OpinionSource', 'Where the bureau first saw the public concern.');
export const OpinionResponseKind = enumOf(OPINION_RESPONSE_KINDS, 'OpinionResponseKind', 'How the bureau responded (回应方式).');
export const OpinionCaseStatus = enumOf(['OPEN', 'CLOSED'] as const, 'OpinionCaseStatus', 'OPEN until the case is closed with a summary.');
