import { CommandGateway } from '@gongkai/graphql';
import { Module } from '@nestjs/common';
import { AnswerLetterResolver } from './graphql/answer-letter.resolver';
import { InformationRequestsResolver } from './graphql/information-requests.resolver';
import { RequestHandlingResolver } from './graphql/request-handling.resolver';
import { RequestIntakeResolver } from './graphql/request-intake.resolver';

/** The requests read side: intake and tracking for the public, the handling of requests for staff. */
@Module({ providers: [RequestIntakeResolver, InformationRequestsResolver, RequestHandlingResolver, AnswerLetterResolver, CommandGateway] })
export class RequestsReadModule {}
