import { DuplicateKeyError } from '../errors';
import { mappingDuplicateKey } from './duplicate-key';

function serverError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('mappingDuplicateKey', () => {
  it("turns MongoDB's E11000 into a DuplicateKeyError with the index and key the server named", async () => {
    const e11000 = serverError('E11000 duplicate key error collection: gongkai.users index: by_email dup key: { email: "a@x.cn" }', {
      code: 11000,
      keyValue: { email: 'a@x.cn' },
    });
    const mapped = mappingDuplicateKey('users', () => Promise.reject(e11000));
    await expect(mapped).rejects.toBeInstanceOf(DuplicateKeyError);
    await expect(mapped).rejects.toMatchObject({ collection: 'users', index: 'by_email', key: { email: 'a@x.cn' }, cause: e11000 });
  });

  it('lets every other failure through unchanged', async () => {
    const other = serverError('not primary', { code: 10107 });
    await expect(mappingDuplicateKey('users', () => Promise.reject(other))).rejects.toBe(other);
    await expect(mappingDuplicateKey('users', () => Promise.resolve(7))).resolves.toBe(7);
  });
});
