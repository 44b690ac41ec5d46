import { AgencyRef, Connection, DepartmentRef } from '@gongkai/graphql';
import { PUBLICATION_STATUSES, SERVICE_CATEGORIES } from '@gongkai/services-catalog/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export const ServiceCategory = Object.fromEntries(SERVICE_CATEGORIES.map((c) => [c, c])) as Record<(typeof SERVICE_CATEGORIES)[number], string>;
registerEnumType(ServiceCategory, { name: 'ServiceCategory', description: 'The kind of service item.' });

export const PublicationStatus = Object.fromEntries(PUBLICATION_STATUSES.map((s) => [s, s])) as Record<(typeof PUBLICATION_STATUSES)[number], string>;
registerEnumType(PublicationStatus, { name: 'PublicationStatus', description: 'Where the current version of an item stands.' });

@ObjectType({ description: 'A material the applicant hands in, with how many originals and copies.' })
export class RequiredMaterial {
  @Field(() => String) name!: string;
  @Field(() => Int) originals!: number;
  @Field(() => Int) copies!: number;
}

@ObjectType()
export class FrequentQuestion {
  @Field(() => String) question!: string;
  @Field(() => String) answer!: string;
}

@ObjectType({ description: 'One version of a service guide.' })
export class ServiceItemVersion {
  @Field(() => Int) version!: number;
  @Field(() => String) changeSummary!: string;
  @Field(() => String, { description: 'When this version was written (UTC).' }) createdAt!: string;
  @Field(() => String, { nullable: true, description: 'When this version was published (UTC); null if it never was.' }) publishedAt!: string | null;
}

@ObjectType({ description: 'A public service item (公共服务事项) with its service guide (办事指南).' })
export class ServiceItem {
  @Field(() => ID) id!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => String) name!: string;
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => ServiceCategory) category!: string;
  @Field(() => String) legalBasis!: string;
  @Field(() => String) conditions!: string;
  @Field(() => [RequiredMaterial]) materials!: RequiredMaterial[];
  @Field(() => [String]) steps!: string[];
  @Field(() => Int, { description: 'Time limit set by law (法定时限), in working days.' }) statutoryLimitWorkingDays!: number;
  @Field(() => Int, { description: 'Time limit the bureau promises (承诺时限), in working days.' }) promisedLimitWorkingDays!: number;
  @Field(() => Int, { description: 'Fee in fen (1 yuan = 100 fen); 0 when free.' }) feeFen!: number;
  @Field(() => String) feeBasis!: string;
  @Field(() => String) location!: string;
  @Field(() => String) serviceHours!: string;
  @Field(() => String) onlineUrl!: string;
  @Field(() => String) contact!: string;
  @Field(() => [FrequentQuestion]) faq!: FrequentQuestion[];
  @Field(() => Int) version!: number;
  @Field(() => PublicationStatus) publicationStatus!: string;
  @Field(() => Int, { nullable: true }) publishedVersion!: number | null;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the published content the reviewer approved.' }) contentHash!: string | null;
  @Field(() => ID, { nullable: true, description: 'The confidentiality review waiting for this version (staff only).' }) pendingReviewId!: string | null;
  @Field(() => String, { nullable: true }) retirementReason!: string | null;
  @Field(() => [ServiceItemVersion]) versions!: ServiceItemVersion[];
  @Field(() => String) updatedAt!: string;
}

@ObjectType()
export class ServiceItemConnection extends Connection(ServiceItem, 'ServiceItem') {}
