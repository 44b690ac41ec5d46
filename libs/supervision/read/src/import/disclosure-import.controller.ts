import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { invalidToken, type TokenService } from '@gongkai/auth';
import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import { CALENDAR, CLOCK, type Clock } from '@gongkai/event-sourcing';
import { CommandGateway, TOKEN_SERVICE } from '@gongkai/graphql';
import { type Actor, ANONYMOUS, badInput, httpStatusOf, isDomainError, type WorkingDayCalendar } from '@gongkai/kernel';
import { COMMAND_BUS, type CommandBus } from '@gongkai/messaging';
import { PROJECTION_RUNNER, type ProjectionRunner, READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Controller, Inject, Logger, type OnModuleInit, Post, Req, Res } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SupervisionQueries } from '../supervision-queries';
import { importDisclosures } from './disclosure-importer';
import { importRequestOf, MAX_IMPORT_BYTES } from './import-request';

const CSV_TYPES = ['text/csv', 'application/csv'];

/** The read models apply a chunk in well under a second; a minute behind means they are stuck. */
const CHUNK_PROJECTION_TIMEOUT_MS = 60_000;

/** Counts the bytes going through and stops the upload past the limit. */
const limited = (limit: number): Transform => {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > limit ? badInput('IMPORT_TOO_LARGE', `A file may have at most ${limit} bytes.`) : null, chunk);
    },
  });
};

/**
 * POST /supervision/disclosure-imports?category=…: a CSV file (UTF-8 or GB18030) in the body,
 * streamed to a temporary file — the request body is never held in memory — then imported all or
 * nothing. 201 with the import's id, or 422 with the report of every bad row (row, column, rule).
 */
@Controller('supervision')
export class DisclosureImportController implements OnModuleInit {
  private readonly logger = new Logger('DisclosureImport');
  private readonly queries: SupervisionQueries;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    @Inject(READ_STORE) store: ReadStore,
    private readonly commands: CommandGateway,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendar: WorkingDayCalendar,
    @Inject(COMMAND_BUS) private readonly bus: CommandBus,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
  ) {
    this.queries = new SupervisionQueries(store);
  }

  /** A CSV body reaches the handler as the stream it is; the JSON body limit does not apply to it. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    for (const type of CSV_TYPES) {
      if (fastify && !fastify.hasContentTypeParser(type)) fastify.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
    }
  }

  @Post('disclosure-imports')
  async upload(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const directory = await mkdtemp(join(tmpdir(), 'gongkai-import-'));
    try {
      const actor = await this.actorOf(request.headers.authorization);
      const importRequest = importRequestOf(actor, request.query as Record<string, unknown>, request.headers['content-type'], randomUUID());
      if (!request.body || typeof (request.body as Readable).pipe !== 'function') throw badInput('CSV_REQUIRED', 'Send the file as the body, with Content-Type: text/csv.');
      const file = join(directory, 'upload.csv');
      await pipeline(request.body as Readable, limited(MAX_IMPORT_BYTES), createWriteStream(file));
      const gateway = { actor, clientKey: request.ip, correlationId: randomUUID() };
      const known = new Map<string, boolean>();
      const outcome = await importDisclosures(importRequest, {
        file: () => createReadStream(file, { highWaterMark: 256 * 1024 }),
        send: (type, data) => this.commands.execute(gateway, CONTEXTS.supervision, type, data),
        sendChunk: (data) => this.bus.send({ context: CONTEXTS.supervision, type: 'ImportDisclosureChunk', data, metadata: { actor, correlationId: gateway.correlationId } }),
        applied: ({ streamId, revision }) => this.projections.waitForStreamRevision(streamId, revision, CHUNK_PROJECTION_TIMEOUT_MS),
        knownEnterprise: async (code) => {
          let registered = known.get(code);
          if (registered === undefined) known.set(code, (registered = await this.queries.isRegistered(code)));
          return registered;
        },
        today: localDateOf(this.clock.now()),
        now: this.clock.now(),
        calendar: this.calendar,
      });
      if (outcome.imported) await reply.code(201).send(outcome);
      else await reply.code(422).send({ code: 'BAD_USER_INPUT', rule: 'IMPORT_ROWS_INVALID', message: `${outcome.problemCount} problem(s) in the file: nothing was imported.`, ...outcome });
    } catch (error) {
      if (!isDomainError(error)) {
        this.logger.error({ msg: 'import failed', error: String(error) });
        await reply.code(500).send({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error.' });
        return;
      }
      await reply.code(error.rule === 'IMPORT_TOO_LARGE' ? 413 : httpStatusOf(error.code)).send({ code: error.code, rule: error.rule, message: error.message, ...error.details });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }

  private async actorOf(authorization: string | undefined): Promise<Actor> {
    if (authorization === undefined) return ANONYMOUS;
    const match = /^Bearer (\S+)$/.exec(authorization);
    if (!match) throw invalidToken('The Authorization header must be `Bearer <token>`.');
    return this.tokens.verify(match[1]);
  }
}
