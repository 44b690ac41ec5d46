import { httpStatusOf } from './errors';

describe('error codes over plain HTTP', () => {
  it('answers each code with its HTTP status', () => {
    expect([httpStatusOf('BAD_USER_INPUT'), httpStatusOf('UNAUTHENTICATED'), httpStatusOf('FORBIDDEN'), httpStatusOf('NOT_FOUND'), httpStatusOf('CONFLICT')]).toEqual([400, 401, 403, 404, 409]);
    expect([httpStatusOf('RATE_LIMITED'), httpStatusOf('SERVICE_UNAVAILABLE')]).toEqual([429, 503]);
  });
});
