import { CommandGateway } from '@gongkai/graphql';
import { Module } from '@nestjs/common';
import { PublicationReviewsResolver } from './graphql/publication-reviews.resolver';

/** The oversight read side: the review gate's worklist and decisions. */
@Module({ providers: [PublicationReviewsResolver, CommandGateway] })
export class OversightReadModule {}
