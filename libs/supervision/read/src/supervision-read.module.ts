import { CommandGateway } from '@gongkai/graphql';
import { Module } from '@nestjs/common';
import { DisclosureImportsResolver } from './graphql/disclosure-imports.resolver';
import { DisclosuresResolver } from './graphql/disclosures.resolver';
import { EnterprisesResolver } from './graphql/enterprises.resolver';
import { JsonScalar } from './graphql/json.scalar';
import { DisclosureImportController } from './import/disclosure-import.controller';

/** The supervision read side: enterprises, disclosure records, the blacklist, and bulk import over HTTP. */
@Module({
  providers: [EnterprisesResolver, DisclosuresResolver, DisclosureImportsResolver, JsonScalar, CommandGateway],
  controllers: [DisclosureImportController],
})
export class SupervisionReadModule {}
