import { CommandGateway } from '@gongkai/graphql';
import { Module } from '@nestjs/common';

/** The supervision read side: its GraphQL queries and mutations. */
@Module({ providers: [CommandGateway] })
export class SupervisionReadModule {}
