import { CurrentActor } from '@gongkai/graphql';
import { type Actor, notFound, requireRole } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { answerLetterDraft } from '../answer-letter-draft';
import { INFORMATION_REQUESTS, type InformationRequestDocument } from '../information-request-document';
import { personalDataAccess } from '../information-request-visibility';
import { AnswerInput } from './information-request.inputs';

/** Answer letters (Regulations Art. 36): the template of an outcome, to be edited and sent as the answer's text. */
@Resolver()
export class AnswerLetterResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Query(() => String, { description: 'The letter template for an answer, filled from the request (handling staff).' })
  async answerLetterDraft(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('input', { type: () => AnswerInput }) input: AnswerInput): Promise<string> {
    requireRole(actor, 'staff', 'office');
    const doc = await this.store.collection<InformationRequestDocument>(INFORMATION_REQUESTS).findOne({ _id: id });
    if (!doc || personalDataAccess(actor, doc) !== 'HANDLING') throw notFound('INFORMATION_REQUEST_NOT_FOUND', `There is no information request ${id} that you handle.`);
    return answerLetterDraft(doc, input);
  }
}
