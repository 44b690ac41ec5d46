import { MESSAGE_KINDS } from '@gongkai/participation/domain';
import { registerEnumType } from '@nestjs/graphql';

export const MessageKind = Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, kind]));
registerEnumType(MessageKind, { name: 'MessageKind', description: '留言咨询: an inquiry, a suggestion, or a complaint (sent to the petition procedure).' });

export const MessageStatus = { RECEIVED: 'RECEIVED', REDIRECTED: 'REDIRECTED', ANSWERED: 'ANSWERED' };
registerEnumType(MessageStatus, { name: 'MessageStatus', description: 'Waiting for an answer, redirected (complaints), or answered.' });

export const MessagePublicationState = { PENDING_REVIEW: 'PENDING_REVIEW', PUBLISHED: 'PUBLISHED', REJECTED: 'REJECTED', SUPERSEDED: 'SUPERSEDED' };
registerEnumType(MessagePublicationState, { name: 'MessagePublicationState', description: 'Where the publication of an answered message stands at the review gate.' });
