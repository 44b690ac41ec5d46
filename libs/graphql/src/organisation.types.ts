import { findAgency, findDepartment } from '@gongkai/kernel';
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A responsible department (责任科室) of a bureau.' })
export class DepartmentRef {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: 'The city bureau or one of the county bureaus.' })
export class AgencyRef {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
}

export const departmentRef = (code: string): DepartmentRef => ({ code, name: findDepartment(code)?.name ?? code });
export const agencyRef = (code: string): AgencyRef => ({ code, name: findAgency(code)?.name ?? code });
