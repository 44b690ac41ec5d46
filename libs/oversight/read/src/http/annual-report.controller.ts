import { type TokenService } from '@gongkai/auth';
import { answering, parseInstant, TOKEN_SERVICE } from '@gongkai/graphql';
import { badInput } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { annualReportView } from '../annual-report/annual-report-view';
import { annualReportCsv, annualReportHtml } from '../annual-report/report-rendering';
import { annualReportFileName } from './annual-report-file-name';
import { actorOfRequest } from './request-actor';

const FORMATS = { html: 'text/html; charset=utf-8', csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;
type Format = keyof typeof FORMATS;

/**
 * The annual report as a printable page and as exports, rendered by the gateway:
 * GET /oversight/annual-reports/:agencyCode/:year?format=html|csv|json[&asOfInstant=…]. The bureau's
 * staff get it as computed now (with the Authorization header GraphQL uses); everyone else the
 * published version. With `asOfInstant`, whoever asks gets the version published and in force then,
 * exactly as the `annualReport` query answers it.
 */
@Controller('oversight/annual-reports')
export class AnnualReportController {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
  ) {}

  @Get(':agencyCode/:year')
  async report(
    @Param('agencyCode') agencyCode: string,
    @Param('year') year: string,
    @Query('format') format: string | undefined,
    @Query('asOfInstant') asOfInstantInput: unknown,
    @Headers('authorization') authorization: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const body = await answering(async () => {
      const chosen = (format ?? 'html') as Format;
      if (!(chosen in FORMATS)) throw badInput('NOT_ALLOWED_VALUE', 'format must be html, csv or json.', { field: 'format' });
      if (!/^\d{4}$/.test(year)) throw badInput('NOT_INTEGER', 'year must be a year such as 2025.', { field: 'year' });
      const asOfInstant = asOfInstantInput === undefined ? null : parseInstant(asOfInstantInput);
      const view = await annualReportView(this.store, await actorOfRequest(this.tokens, authorization), Number(year), agencyCode, asOfInstant);
      const text = chosen === 'html' ? annualReportHtml(view.report, view.text, { source: view.source, asOfInstant }) : chosen === 'csv' ? annualReportCsv(view.report) : JSON.stringify({ source: view.source, ...view.report, ...view.text }, null, 2);
      return { text, type: FORMATS[chosen], chosen, asOfInstant };
    });
    const disposition = body.chosen === 'html' ? 'inline' : `attachment; filename="${annualReportFileName(agencyCode, Number(year), body.chosen, body.asOfInstant)}"`;
    await reply.header('content-type', body.type).header('content-disposition', disposition).send(body.text);
  }
}
