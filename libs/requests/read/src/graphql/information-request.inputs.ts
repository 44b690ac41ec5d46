import { LocalDateValue } from '@gongkai/graphql';
import { Field, InputType, Int } from '@nestjs/graphql';
import { ApplicantType, RequestDeliveryMethod, RequestInformationForm, RequestOutcome } from './request-enums';

/** Lengths and formats are checked by the domain, so every problem comes back as BAD_USER_INPUT naming its field, never its value. */
@InputType({ description: 'A request for government information (政府信息公开申请), Regulations Art. 29.' })
export class InformationRequestInput {
  @Field(() => ApplicantType) applicantType!: string;
  @Field(() => String, { description: 'The person’s or organisation’s name: encrypted before it is stored.' }) applicantName!: string;
  @Field(() => String, { description: 'Identity document number or unified social credit code: encrypted before it is stored.' }) idNumber!: string;
  @Field(() => String, { description: 'Telephone or e-mail: encrypted before it is stored.' }) contact!: string;
  @Field(() => String, { nullable: true, description: 'Postal address for the answer: encrypted before it is stored.' }) address?: string | null;
  @Field(() => String, { description: 'The information sought.' }) description!: string;
  @Field(() => RequestInformationForm) preferredForm!: string;
  @Field(() => RequestDeliveryMethod, { nullable: true, description: 'Defaults to online for online requests, post otherwise.' }) delivery?: string | null;
  @Field(() => String, { nullable: true, description: 'The bureau asked; defaults to the city bureau, or for staff to their own.' }) agencyCode?: string | null;
}

@InputType({ description: 'A withheld passage of the content to disclose (Regulations Art. 37): characters start to end (excluded).' })
export class RedactionInput {
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
  @Field(() => String, { description: 'A negative-list item or a legal basis.' }) reason!: string;
}

@InputType({ description: 'The answer to a request: exactly one outcome of the annual report template.' })
export class AnswerInput {
  @Field(() => RequestOutcome) outcome!: string;
  @Field(() => LocalDateValue) answeredOn!: string;
  @Field(() => String, { nullable: true, description: 'The letter as sent; omitted, the template for the outcome (answerLetterDraft).' }) text?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for any withholding (Regulations Art. 36).' }) legalBasis?: string | null;
  @Field(() => RequestDeliveryMethod, { nullable: true }) delivery?: string | null;
  @Field(() => String, { nullable: true, description: 'The information provided; published after a confidentiality review when disclosed.' }) content?: string | null;
  @Field(() => [RedactionInput], { nullable: true, description: 'For PARTLY_DISCLOSED: the withheld passages of content.' }) redactions?: RedactionInput[] | null;
  @Field(() => String, { nullable: true, description: 'Where the information is already published (Regulations Art. 36 (1)).' }) publishedAt?: string | null;
  @Field(() => String, { nullable: true, description: 'The agency that holds the information (Regulations Art. 36 (5)).' }) holderAgency?: string | null;
}
