import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { gatewayContextOf } from './request-context';

/** Refuses every resolver of a request whose token or headers were refused while building its context. */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const { refusal } = gatewayContextOf(context);
    if (refusal) throw refusal;
    return true;
  }
}
