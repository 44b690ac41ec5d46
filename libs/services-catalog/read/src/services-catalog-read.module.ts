import { CommandGateway } from '@gongkai/graphql';
import { Module } from '@nestjs/common';
import { ServiceItemsResolver } from './graphql/service-items.resolver';

/** The services-catalog read side: the catalogue's GraphQL queries and mutations. */
@Module({ providers: [ServiceItemsResolver, CommandGateway] })
export class ServicesCatalogReadModule {}
