import { ANONYMOUS, type Actor } from '@gongkai/kernel';
import type { ReadStore } from '@gongkai/read-store';
import { DISCLOSURES, type DisclosureDocument } from './disclosure-document';
import { DISCLOSURE_IMPORTS, type DisclosureImportDocument } from './disclosure-import-document';
import { viewDisclosure, type DisclosureView } from './disclosure-visibility';
import { ENTERPRISES, type EnterpriseDocument } from './enterprise-document';
import { viewEnterprise, type EnterpriseView } from './enterprise-visibility';
import { disclosedByFilter, enterpriseAsOf } from './supervision-point-in-time';

/** Reads the resolvers share, kept apart from Nest so that they are tested directly. */
export class SupervisionQueries {
  constructor(private readonly store: ReadStore) {}

  get disclosures() {
    return this.store.collection<DisclosureDocument>(DISCLOSURES);
  }

  get enterprises() {
    return this.store.collection<EnterpriseDocument>(ENTERPRISES);
  }

  get imports() {
    return this.store.collection<DisclosureImportDocument>(DISCLOSURE_IMPORTS);
  }

  /** Imports whose rows are not all written: their rows are nobody's until they are (usually none). */
  async incompleteImports(): Promise<string[]> {
    return (await this.imports.find({ status: 'STARTED' }, { projection: { _id: 1 } })).map((doc) => doc._id);
  }

  async disclosure(id: string, actor: Actor, today: string): Promise<DisclosureView | null> {
    const document = await this.disclosures.findOne({ _id: id });
    if (!document) return null;
    if (document.importId && (await this.incompleteImports()).includes(document.importId)) return null;
    return viewDisclosure(document, actor, today);
  }

  async enterprise(creditCode: string, actor: Actor): Promise<EnterpriseView | null> {
    const document = await this.enterprises.findOne({ _id: creditCode });
    if (!document) return null;
    const disclosedPublicly = (await this.disclosures.count({ $and: [{ enterpriseCreditCode: creditCode }, { published: { $ne: null } }] })) > 0;
    return viewEnterprise(document, actor, disclosedPublicly);
  }

  /**
   * The profile as the public knew it at `at` (point in time), whoever asks: the register changes
   * published by then; null until something about the enterprise had been published.
   */
  async enterpriseAsOf(creditCode: string, at: string): Promise<EnterpriseView | null> {
    const document = await this.enterprises.findOne({ _id: creditCode });
    if (!document) return null;
    const disclosedPublicly = (await this.disclosures.count(disclosedByFilter(creditCode, at))) > 0;
    return viewEnterprise(enterpriseAsOf(document, at), ANONYMOUS, disclosedPublicly);
  }

  async isRegistered(creditCode: string): Promise<boolean> {
    return (await this.enterprises.findOne({ _id: creditCode }, { projection: { _id: 1 } })) !== null;
  }
}
