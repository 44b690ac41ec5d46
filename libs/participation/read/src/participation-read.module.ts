import { CommandGateway } from '@gongkai/graphql';
import { Module } from '@nestjs/common';
import { FeedsController } from './feeds/feeds.controller';

/** The participation read side: its GraphQL queries and mutations, and the Atom feeds of every publication. */
@Module({ controllers: [FeedsController], providers: [CommandGateway] })
export class ParticipationReadModule {}
