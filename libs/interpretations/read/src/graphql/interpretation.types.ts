import { AgencyRef, Connection, DepartmentRef, LocalDateValue } from '@gongkai/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { InterpretationForm, InterpretationStatus, ObligationStatus } from './interpretation-enums';

@ObjectType({ description: 'The policy document an interpretation explains: for the public, as it was published.' })
export class InterpretedDocument {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true, description: 'e.g. 云环办〔2017〕11号.' }) documentNumber!: string | null;
}

@ObjectType({ description: 'A policy interpretation (政策解读) of one policy document.' })
export class Interpretation {
  @Field(() => ID) id!: string;
  @Field(() => ID) documentId!: string;
  @Field(() => InterpretedDocument, { nullable: true }) document!: InterpretedDocument | null;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => DepartmentRef, { description: 'The drafting department, which interprets (谁起草、谁解读).' }) department!: DepartmentRef;
  @Field(() => InterpretationForm) form!: string;
  @Field(() => String) title!: string;
  @Field(() => String) content!: string;
  @Field(() => String) mediaUrl!: string;
  @Field(() => [String]) interpreters!: string[];
  @Field(() => Int) version!: number;
  @Field(() => InterpretationStatus) status!: string;
  @Field(() => Int, { nullable: true }) publishedVersion!: number | null;
  @Field(() => String, { nullable: true, description: 'When it was published (UTC).' }) publishedAt!: string | null;
  @Field(() => LocalDateValue, { nullable: true }) publishedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the published content the reviewer approved.' }) contentHash!: string | null;
  @Field(() => ID, { nullable: true, description: 'The confidentiality review waiting for this version (staff only).' }) pendingReviewId!: string | null;
  @Field(() => LocalDateValue, { nullable: true, description: 'Staff only: the last day it could come out on time.' }) interpretationDueOn!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Staff only: whether it first came out within three working days of its document.' }) onTime!: boolean | null;
  @Field(() => String) updatedAt!: string;
}

@ObjectType()
export class InterpretationConnection extends Connection(Interpretation, 'Interpretation') {}

@ObjectType({ description: 'A published policy document and its interpretation, due within three working days (staff and oversight).' })
export class InterpretationObligation {
  @Field(() => ID) documentId!: string;
  @Field(() => String) documentTitle!: string;
  @Field(() => String, { nullable: true }) documentNumber!: string | null;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => DepartmentRef, { description: 'The drafting department, which owes the interpretation.' }) department!: DepartmentRef;
  @Field(() => LocalDateValue) publishedOn!: string;
  @Field(() => LocalDateValue, { nullable: true, description: 'Null while the year it falls in has no working-day calendar loaded (see clockProblem).' }) interpretationDueOn!: string | null;
  @Field(() => ObligationStatus) status!: string;
  @Field(() => String, { nullable: true, description: 'CALENDAR_YEAR_NOT_LOADED when the due day cannot be counted yet; an administrator loads the year.' }) clockProblem!: string | null;
  @Field(() => Boolean, { description: 'Flagged at publication: the document went out with no interpretation submitted.' }) missingAtPublication!: boolean;
  @Field(() => LocalDateValue, { nullable: true, description: 'When the first interpretation came out.' }) metOn!: string | null;
  @Field(() => Int) interpretationCount!: number;
}
