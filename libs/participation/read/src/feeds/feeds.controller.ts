import { CLOCK, type Clock } from '@gongkai/event-sourcing';
import { answering } from '@gongkai/graphql';
import { badInput } from '@gongkai/kernel';
import { isPublishingContext } from '@gongkai/participation/domain';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Controller, Get, Inject, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FEED_PAGE_SIZE, renderAtomFeed } from './atom-feed';
import { FEED_ENTRIES, type FeedEntryDocument } from './feed-entries.projection';

const ATOM = /^([a-z][a-z0-9-]{0,63})\.atom$/;

/** `?page=` as written in a feed's next and previous links: 1, 2, … (a repeated parameter arrives as an array). */
const pageOf = (text: unknown): number => {
  if (text === undefined) return 1;
  const page = typeof text === 'string' && /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  if (!(page >= 1 && page <= 100_000)) throw badInput('OUT_OF_RANGE', 'page must be a whole number from 1 to 100000.', { field: 'page' });
  return page;
};

/** The Atom channel: everything published, per context, and per context and category. Public: only published items are in the read model. */
@Controller('feeds')
export class FeedsController {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':file')
  async byContext(@Param('file') file: string, @Query('page') page: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const name = ATOM.exec(file)?.[1];
    if (!name || (name !== 'all' && !isPublishingContext(name))) throw new NotFoundException();
    const filter: Record<string, string> = name === 'all' ? {} : { context: name };
    await this.serve(name, name === 'all' ? '云浮市环境保护局 全部公开信息' : `云浮市环境保护局 ${name}`, filter, page, request, reply);
  }

  @Get(':context/:file')
  async byCategory(
    @Param('context') context: string,
    @Param('file') file: string,
    @Query('page') page: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const category = ATOM.exec(file)?.[1];
    if (!category || !isPublishingContext(context)) throw new NotFoundException();
    await this.serve(`${context}/${category}`, `云浮市环境保护局 ${context} / ${category}`, { context, category }, page, request, reply);
  }

  private async serve(path: string, title: string, filter: Record<string, string>, pageText: unknown, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const xml = await answering(async () => {
      const page = pageOf(pageText);
      const entries = this.store.collection<FeedEntryDocument>(FEED_ENTRIES);
      const [documents, totalCount] = await Promise.all([
        entries.find(filter, { sort: { publishedAt: -1, _id: 1 }, skip: (page - 1) * FEED_PAGE_SIZE, limit: FEED_PAGE_SIZE }),
        entries.count(filter),
      ]);
      const origin = `${request.protocol}://${request.headers.host ?? 'localhost'}`;
      return renderAtomFeed({ path, title, origin, page, totalCount, entries: documents, now: this.clock.now().toISOString() });
    });
    await reply.header('content-type', 'application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=30').send(xml);
  }
}
