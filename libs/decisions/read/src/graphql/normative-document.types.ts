import { AgencyRef, Connection, DepartmentRef, LocalDateValue } from '@gongkai/graphql';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { CleanupConclusion, CleanupStatus, DocumentStatus } from './decision-enums';

@ObjectType()
export class DocumentAmendment {
  @Field(() => LocalDateValue) amendedOn!: string;
  @Field(() => String) summary!: string;
}

@ObjectType()
export class DocumentRepeal {
  @Field(() => LocalDateValue) repealedOn!: string;
  @Field(() => String) reason!: string;
  @Field(() => ID, { nullable: true, description: 'The clean-up that repealed it, if one did.' }) campaignId!: string | null;
}

@ObjectType({ description: 'A normative document (规范性文件) of the register, with its status on the day asked about.' })
export class NormativeDocument {
  @Field(() => ID) id!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => String, { description: 'e.g. 云环办〔2017〕11号.' }) number!: string;
  @Field(() => String) title!: string;
  @Field(() => DepartmentRef) issuingDepartment!: DepartmentRef;
  @Field(() => LocalDateValue) issuedOn!: string;
  @Field(() => LocalDateValue) effectiveOn!: string;
  @Field(() => Int) validityYears!: number;
  @Field(() => LocalDateValue, { description: 'The last day it is valid.' }) validUntil!: string;
  @Field(() => DocumentStatus) status!: string;
  @Field(() => LocalDateValue, { description: 'The day the status is given for.' }) asOf!: string;
  @Field(() => String) summary!: string;
  @Field(() => [DocumentAmendment]) amendments!: DocumentAmendment[];
  @Field(() => DocumentRepeal, { nullable: true }) repeal!: DocumentRepeal | null;
  @Field(() => ID, { nullable: true, description: 'The adopted decision it came from.' }) decisionDraftId!: string | null;
}

@ObjectType()
export class NormativeDocumentConnection extends Connection(NormativeDocument, 'NormativeDocument') {}

@ObjectType({ description: 'Figures for the annual report on open government information, part 2.' })
export class NormativeDocumentAnnualFigures {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'Issued during the year (本年新制发).' }) issued!: number;
  @Field(() => Int, { description: 'Repealed during the year (本年新废止).' }) repealed!: number;
  @Field(() => Int, { description: 'In force on 31 December (现行有效).' }) inForce!: number;
}

@InputType({ description: 'A normative document as the regulations department registers it.' })
export class NormativeDocumentInput {
  @Field(() => String) number!: string;
  @Field(() => String) title!: string;
  @Field(() => String) issuingDepartmentCode!: string;
  @Field(() => LocalDateValue) issuedOn!: string;
  @Field(() => LocalDateValue, { nullable: true, description: 'The issue date by default.' }) effectiveOn?: string | null;
  @Field(() => Int, { nullable: true, description: '5 by default; 2 for interim (暂行) or trial (试行) documents.' }) validityYears?: number | null;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => String, { nullable: true, description: 'The register it belongs to; your agency’s by default.' }) agencyCode?: string | null;
}

@ObjectType()
export class ConclusionCount {
  @Field(() => CleanupConclusion) conclusion!: string;
  @Field(() => Int) documents!: number;
}

@ObjectType({ description: 'A document in a clean-up, with what the clean-up concluded.' })
export class CleanupItem {
  @Field(() => ID) documentId!: string;
  @Field(() => String) number!: string;
  @Field(() => String) title!: string;
  @Field(() => CleanupConclusion, { nullable: true }) conclusion!: string | null;
  @Field(() => String) reason!: string;
}

@ObjectType({ description: 'A clean-up (清理) of the normative documents in force; the public sees its published results.' })
export class CleanupCampaign {
  @Field(() => ID) id!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => String) title!: string;
  @Field(() => LocalDateValue) openedOn!: string;
  @Field(() => CleanupStatus) status!: string;
  @Field(() => [CleanupItem]) items!: CleanupItem[];
  @Field(() => [ConclusionCount], { nullable: true, description: 'Of the published results.' }) counts!: ConclusionCount[] | null;
  @Field(() => ID, { nullable: true, description: 'Staff only.' }) pendingReviewId!: string | null;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
  @Field(() => String, { nullable: true }) contentHash!: string | null;
}
