import { CommandGateway } from '@gongkai/graphql';
import { Module } from '@nestjs/common';
import { OutreachActivitiesResolver } from './activities/graphql/outreach-activities.resolver';
import { ChannelsResolver } from './channels/graphql/channels.resolver';
import { FeedsController } from './feeds/feeds.controller';
import { MessageOversightResolver } from './messages/graphql/message-oversight.resolver';
import { PublicMessageIntakeResolver } from './messages/graphql/public-message-intake.resolver';
import { PublicMessagesResolver } from './messages/graphql/public-messages.resolver';
import { WebhooksResolver } from './webhooks/graphql/webhooks.resolver';

/** The participation read side: its GraphQL queries and mutations, and the Atom feeds of every publication. */
@Module({ controllers: [FeedsController], providers: [CommandGateway, OutreachActivitiesResolver, WebhooksResolver, ChannelsResolver, PublicMessageIntakeResolver, PublicMessagesResolver, MessageOversightResolver] })
export class ParticipationReadModule {}
