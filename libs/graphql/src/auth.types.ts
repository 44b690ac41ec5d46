import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AgencyRef, DepartmentRef } from './organisation.types';

@ObjectType({ description: 'A signed-in member of staff.' })
export class User {
  @Field(() => ID) id!: string;
  @Field(() => String) username!: string;
  @Field(() => String) displayName!: string;
  @Field(() => [String]) roles!: string[];
  @Field(() => AgencyRef, { nullable: true }) agency!: AgencyRef | null;
  @Field(() => DepartmentRef, { nullable: true }) department!: DepartmentRef | null;
}

@ObjectType()
export class AuthPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' }) token!: string;
  @Field(() => String, { description: 'UTC instant after which the token is refused.' }) expiresAt!: string;
  @Field(() => User) user!: User;
}
