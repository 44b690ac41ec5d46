import { CommandGateway } from '@gongkai/graphql';
import { Module } from '@nestjs/common';
import { InterpretationObligationsResolver } from './graphql/interpretation-obligations.resolver';
import { InterpretationsResolver } from './graphql/interpretations.resolver';
import { OpinionCasesResolver } from './graphql/opinion-cases.resolver';

/** The interpretations read side: policy interpretations with their obligations, and public-opinion cases. */
@Module({ providers: [InterpretationsResolver, InterpretationObligationsResolver, OpinionCasesResolver, CommandGateway] })
export class InterpretationsReadModule {}
