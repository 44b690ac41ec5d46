import { CommandGateway } from '@gongkai/graphql';
import { Module } from '@nestjs/common';

/** The participation read side: its GraphQL queries and mutations. */
@Module({ providers: [CommandGateway] })
export class ParticipationReadModule {}
