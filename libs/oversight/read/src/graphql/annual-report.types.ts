import { AgencyRef, LocalDateValue } from '@gongkai/graphql';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Requests answered in the year with one outcome.' })
export class OutcomeCount {
  @Field(() => String, { description: 'A value of the RequestOutcome enum: every value is listed, zeros included.' }) outcome!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'One column of the template’s applications table (申请人情况).' })
export class ApplicationsRow {
  @Field(() => String, { description: 'A value of the ApplicantType enum, or TOTAL.' }) applicantType!: string;
  @Field(() => Int) newThisYear!: number;
  @Field(() => Int) carriedOverFromLastYear!: number;
  @Field(() => [OutcomeCount]) outcomes!: OutcomeCount[];
  @Field(() => Int) totalProcessed!: number;
  @Field(() => Int) carriedOverToNextYear!: number;
}

@ObjectType()
export class AnnualReportApplications {
  @Field(() => [ApplicationsRow]) byApplicantType!: ApplicationsRow[];
  @Field(() => ApplicationsRow) total!: ApplicationsRow;
}

@ObjectType({ description: 'Section 二 of the template: proactive disclosure.' })
export class ProactiveDisclosure {
  @Field(() => Int, { description: 'Rules (规章) issued: 0, as a bureau has no power to make rules (Legislation Law Art. 93).' }) rulesIssued!: number;
  @Field(() => Int, { description: 'Rules (规章) repealed: 0, as for rulesIssued.' }) rulesRepealed!: number;
  @Field(() => Int, { description: 'Rules (规章) in force: 0, as for rulesIssued.' }) rulesInForce!: number;
  @Field(() => Int, { description: 'Normative documents (行政规范性文件) issued in the year.' }) normativeDocumentsIssued!: number;
  @Field(() => Int) normativeDocumentsRepealed!: number;
  @Field(() => Int) normativeDocumentsInForce!: number;
  @Field(() => Int) licensingDecisions!: number;
  @Field(() => Int) penaltyDecisions!: number;
  @Field(() => Int) enforcementDecisions!: number;
  @Field(() => Float, { description: 'Whole fen; Float because a year’s fees can exceed a 32-bit Int.' }) feesCollectedFen!: number;
}

@ObjectType({ description: 'Upheld (维持), corrected (纠正), other, pending (尚未审结), total.' })
export class AppealRow {
  @Field(() => Int) upheld!: number;
  @Field(() => Int) corrected!: number;
  @Field(() => Int) other!: number;
  @Field(() => Int) pending!: number;
  @Field(() => Int) total!: number;
}

@ObjectType({ description: 'Section 四: administrative reconsideration and litigation about disclosure.' })
export class AnnualReportAppeals {
  @Field(() => AppealRow) reconsideration!: AppealRow;
  @Field(() => AppealRow) litigationDirect!: AppealRow;
  @Field(() => AppealRow) litigationAfterReconsideration!: AppealRow;
}

@ObjectType({ description: 'One figure of the report and the events it was counted from.' })
export class AnnualReportFigure {
  @Field(() => String, { description: 'e.g. applications.NATURAL_PERSON.newThisYear' }) key!: string;
  @Field(() => String, { description: 'The template’s wording.' }) label!: string;
  @Field(() => Float) value!: number;
  @Field(() => [String], { description: 'Ids of the events behind the figure: look them up in the audit trail.' }) eventIds!: string[];
}

@ObjectType({ description: 'Where the report stands at the review gate and after.' })
export class AnnualReportPublication {
  @Field(() => Int) version!: number;
  @Field(() => String, { description: 'PENDING_REVIEW or PUBLISHED.' }) status!: string;
  @Field(() => String) reviewId!: string;
  @Field(() => String) contentHash!: string;
  @Field(() => String) submittedAt!: string;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
  @Field(() => LocalDateValue, { nullable: true }) publishedOn!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Published after 31 January.' }) late!: boolean | null;
  @Field(() => String) overview!: string;
  @Field(() => String) problems!: string;
  @Field(() => String) otherMatters!: string;
}

@ObjectType({ description: 'The annual report on government information disclosure (政府信息公开工作年度报告), generated from the event history.' })
export class AnnualReport {
  @Field(() => Int) year!: number;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => LocalDateValue, { description: '31 January of the next year (Regulations Art. 49).' }) dueOn!: string;
  @Field(() => String, { description: 'LIVE (computed now, for staff) or PUBLISHED (the approved version, for everyone).' }) source!: string;
  @Field(() => ProactiveDisclosure) proactive!: ProactiveDisclosure;
  @Field(() => AnnualReportApplications) applications!: AnnualReportApplications;
  @Field(() => AnnualReportAppeals) appeals!: AnnualReportAppeals;
  @Field(() => [String], { description: 'Figures the history cannot give yet, and why.' }) notCounted!: string[];
  @Field(() => [AnnualReportFigure]) figures!: AnnualReportFigure[];
  @Field(() => AnnualReportPublication, { nullable: true }) publication!: AnnualReportPublication | null;
}
