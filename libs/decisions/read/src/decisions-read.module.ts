import { CommandGateway } from '@gongkai/graphql';
import { Module } from '@nestjs/common';
import { CleanupCampaignsResolver } from './graphql/cleanup-campaigns.resolver';
import { ConsultationsResolver } from './graphql/consultations.resolver';
import { DecisionDraftsResolver } from './graphql/decision-drafts.resolver';
import { KeyWorkItemsResolver } from './graphql/key-work-items.resolver';
import { NormativeDocumentsResolver } from './graphql/normative-documents.resolver';

/** The decisions read side: drafts and consultations, the register of normative documents, key work. */
@Module({ providers: [DecisionDraftsResolver, ConsultationsResolver, NormativeDocumentsResolver, CleanupCampaignsResolver, KeyWorkItemsResolver, CommandGateway] })
export class DecisionsReadModule {}
