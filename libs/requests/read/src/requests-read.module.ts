import { CommandGateway } from '@gongkai/graphql';
import { Module } from '@nestjs/common';
import { AnswerLetterResolver } from './graphql/answer-letter.resolver';
import { InformationRequestsResolver } from './graphql/information-requests.resolver';
import { RequestHandlingResolver } from './graphql/request-handling.resolver';
import { RequestIntakeResolver } from './graphql/request-intake.resolver';
import { APPLICANT_FINGERPRINTS, ApplicantFingerprints } from './personal-data/applicant-fingerprint';

/** The requests read side: intake and tracking for the public, the handling of requests for staff. */
@Module({
  providers: [
    RequestIntakeResolver,
    InformationRequestsResolver,
    RequestHandlingResolver,
    AnswerLetterResolver,
    CommandGateway,
    // The installation's fingerprint secret: from the deployment, or beside the vault's key table (see applicant-fingerprint.ts).
    { provide: APPLICANT_FINGERPRINTS, useFactory: () => ApplicantFingerprints.fromEnvironment(process.env) },
  ],
})
export class RequestsReadModule {}
