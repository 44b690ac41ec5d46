import { AgencyRef, Connection, DepartmentRef, LocalDateValue } from '@gongkai/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Consultation } from './consultation.types';
import { DecisionKind, DecisionStatus } from './decision-enums';

@ObjectType()
export class DraftRevision {
  @Field(() => Int) version!: number;
  @Field(() => String) changeSummary!: string;
  @Field(() => String) createdAt!: string;
}

@ObjectType({ description: 'The adopted decision as published (决策公布).' })
export class DecisionAdoption {
  @Field(() => String) title!: string;
  @Field(() => String) finalText!: string;
  @Field(() => String, { description: 'e.g. 云环办〔2017〕11号.' }) documentNumber!: string;
  @Field(() => LocalDateValue) adoptedOn!: string;
  @Field(() => LocalDateValue) effectiveOn!: string;
  @Field(() => String, { description: 'The meeting or leader that decided.' }) approvedBy!: string;
}

@ObjectType()
export class DecisionWithdrawal {
  @Field(() => String) reason!: string;
  @Field(() => String) withdrawnAt!: string;
}

@ObjectType({ description: 'A draft major decision (决策草案): staff see it as it stands, the public once it is out for consultation.' })
export class DecisionDraft {
  @Field(() => ID) id!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => DecisionKind) kind!: string;
  @Field(() => String) title!: string;
  @Field(() => String) body!: string;
  @Field(() => String) explanation!: string;
  @Field(() => Int) version!: number;
  @Field(() => DecisionStatus) status!: string;
  @Field(() => [DraftRevision]) revisions!: DraftRevision[];
  @Field(() => Consultation, { nullable: true }) consultation!: Consultation | null;
  @Field(() => DecisionAdoption, { nullable: true }) adoption!: DecisionAdoption | null;
  @Field(() => ID, { nullable: true, description: 'The normative document an adopted policy became.' }) normativeDocumentId!: string | null;
  @Field(() => DecisionWithdrawal, { nullable: true }) withdrawal!: DecisionWithdrawal | null;
  @Field(() => String) updatedAt!: string;
}

@ObjectType()
export class DecisionDraftConnection extends Connection(DecisionDraft, 'DecisionDraft') {}
