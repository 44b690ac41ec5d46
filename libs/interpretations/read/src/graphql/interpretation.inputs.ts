import { Field, ID, InputType } from '@nestjs/graphql';
import { InterpretationForm } from './interpretation-enums';

/** Lengths and values are checked by the domain, so every problem comes back as BAD_USER_INPUT with its field and rule. */
@InputType({ description: 'Interpretation material (解读材料) as the drafting department writes it.' })
export class InterpretationInput {
  @Field(() => ID, { description: 'The policy document interpreted: a decision draft or adopted decision, or a normative document.' }) documentId!: string;
  @Field(() => InterpretationForm) form!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true, description: 'The text, Q&A or interview transcript.' }) content?: string | null;
  @Field(() => String, { nullable: true, description: 'The graphic, video or recording (http or https).' }) mediaUrl?: string | null;
  @Field(() => [String], { nullable: true, description: 'Who interprets, e.g. the experts interviewed.' }) interpreters?: string[] | null;
  @Field(() => String, { description: 'The drafting department (谁起草、谁解读).' }) departmentCode!: string;
}
