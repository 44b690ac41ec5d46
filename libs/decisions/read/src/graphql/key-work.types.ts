import { AgencyRef, DepartmentRef } from '@gongkai/graphql';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { KeyWorkKind } from './decision-enums';

@ObjectType({ description: 'A progress report (执行进展): tasks, progress, results, next steps.' })
export class KeyWorkProgressReport {
  @Field(() => Int) number!: number;
  @Field(() => String) period!: string;
  @Field(() => String) tasks!: string;
  @Field(() => String) progress!: string;
  @Field(() => String) results!: string;
  @Field(() => String) nextSteps!: string;
  @Field(() => String) reportedAt!: string;
  @Field(() => String, { nullable: true, description: 'Null until reviewed and published (staff only see those).' }) publishedAt!: string | null;
  @Field(() => String) contentHash!: string;
}

@ObjectType({ description: 'Key work whose execution is disclosed (执行公开).' })
export class KeyWorkItem {
  @Field(() => ID) id!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => KeyWorkKind) kind!: string;
  @Field(() => String) title!: string;
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => String) description!: string;
  @Field(() => ID, { nullable: true, description: 'The decision it carries out.' }) decisionDraftId!: string | null;
  @Field(() => [KeyWorkProgressReport]) reports!: KeyWorkProgressReport[];
}

@InputType()
export class KeyWorkItemInput {
  @Field(() => KeyWorkKind) kind!: string;
  @Field(() => String) title!: string;
  @Field(() => String) departmentCode!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ID, { nullable: true }) decisionDraftId?: string | null;
}

@InputType()
export class KeyWorkProgressInput {
  @Field(() => String, { description: 'The period covered, e.g. 2026年第一季度.' }) period!: string;
  @Field(() => String) tasks!: string;
  @Field(() => String) progress!: string;
  @Field(() => String) results!: string;
  @Field(() => String) nextSteps!: string;
}
