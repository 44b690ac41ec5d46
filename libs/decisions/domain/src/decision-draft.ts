import { requireDepartment, requireOneOf, requireText } from '@gongkai/kernel';

/** The kinds of major administrative decision (重大行政决策) the bureau consults the public on. */
export const DECISION_KINDS = ['ENVIRONMENTAL_PLAN', 'POLLUTION_CONTROL_PROGRAMME', 'POLICY', 'OTHER_MAJOR'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** A draft decision (决策草案) as the responsible department writes it. */
export interface DraftContent {
  readonly title: string;
  readonly kind: DecisionKind;
  readonly body: string;
  readonly departmentCode: string;
  /** The explanation of the draft (起草说明), published with it. */
  readonly explanation: string;
}

export const MAX_DRAFT_BODY = 100_000;

/** Validates raw input at the edge of the domain; every problem names its field. */
export const validateDraftContent = (input: Readonly<Record<string, unknown>>): DraftContent => ({
  title: requireText('title', input['title'], { max: 200 }),
  kind: requireOneOf('kind', input['kind'], DECISION_KINDS),
  body: requireText('body', input['body'], { max: MAX_DRAFT_BODY }),
  departmentCode: requireDepartment('departmentCode', input['departmentCode']),
  // Interim Regulations on Major Administrative Decision-Making Procedures, Art. 15: the draft is
  // published together with its explanation (决策草案及其说明等材料).
  explanation: requireText('explanation', input['explanation'], { max: 20_000 }),
});
