import { Controller, Get, HttpCode, HttpException, HttpStatus, Inject } from '@nestjs/common';

export const READINESS = Symbol.for('gongkai.Readiness');

/** What the process must have done before it takes traffic, e.g. replayed the read models. */
export interface Readiness {
  check(): Promise<{ ready: boolean; detail: Record<string, unknown> }>;
}

/** Liveness and readiness for operators and Kubernetes probes. */
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS) private readonly readiness: Readiness) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<{ status: 'ready'; detail: Record<string, unknown> }> {
    const { ready, detail } = await this.readiness.check();
    if (!ready) throw new HttpException({ status: 'starting', detail }, HttpStatus.SERVICE_UNAVAILABLE);
    return { status: 'ready', detail };
  }
}
