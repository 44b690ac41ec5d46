import { DepartmentRef } from '@gongkai/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Who in a department answers for a task (落实到具体人员).' })
export class TaskAssignee {
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => String) assignee!: string;
}

@ObjectType({ description: 'One assignment in the history of a task.' })
export class TaskAssignment {
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => String) assignee!: string;
  @Field(() => String, { nullable: true }) previousAssignee!: string | null;
  @Field(() => String) assignedAt!: string;
  @Field(() => String) assignedBy!: string;
}

@ObjectType({ description: 'A task of the work plan (云环办〔2017〕11号) or a part broken down from one.' })
export class WorkPlanTask {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true, description: 'The plan’s task number 1–10; null for a part.' }) number!: number | null;
  @Field(() => ID, { nullable: true }) parentTaskId!: string | null;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'The responsible departments as the plan words them (责任科室).' }) responsibility!: string;
  @Field(() => [DepartmentRef]) departments!: DepartmentRef[];
  @Field(() => [TaskAssignee]) assignees!: TaskAssignee[];
  @Field(() => [TaskAssignment]) assignments!: TaskAssignment[];
}
