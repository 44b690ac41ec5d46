import { LocalDateValue } from '@gongkai/graphql';
import { Field, InputType, Int } from '@nestjs/graphql';
import { DecisionKind } from './decision-enums';

/** Lengths and values are checked by the domain, so every problem comes back as BAD_USER_INPUT with its field. */
@InputType({ description: 'A decision draft as the responsible department writes it.' })
export class DecisionDraftInput {
  @Field(() => String) title!: string;
  @Field(() => DecisionKind) kind!: string;
  @Field(() => String) body!: string;
  @Field(() => String) departmentCode!: string;
  @Field(() => String, { description: 'The explanation of the draft (起草说明), published with it.' }) explanation!: string;
}

@InputType({ description: 'The decision as adopted.' })
export class AdoptionInput {
  @Field(() => String) finalText!: string;
  @Field(() => String, { description: 'e.g. 云环办〔2017〕11号.' }) documentNumber!: string;
  @Field(() => LocalDateValue) effectiveOn!: string;
  @Field(() => String, { description: 'The meeting or leader that decided, e.g. 局务会议（2026年第5次）.' }) approvedBy!: string;
  @Field(() => String, { nullable: true, description: 'The final title; the draft’s by default.' }) title?: string | null;
  @Field(() => Int, { nullable: true, description: 'For a policy: years of validity (5 by default, 2 for interim or trial).' }) validityYears?: number | null;
}
