import { type Actor, requireAgency, requireAgencyScope, requireDepartment, requireDepartmentScope, requireOneOf, requireRole, requireText } from '@gongkai/kernel';
import { DISCLOSURE_CATEGORIES } from '@gongkai/supervision/domain';
import { CSV_ENCODINGS, type CsvEncoding } from './csv-records';
import type { ImportRequest } from './disclosure-importer';

/** 100,000 rows of monitoring results are about 12 MB; a file many times that is not a bureau's spreadsheet. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

type Query = Readonly<Record<string, unknown>>;

const charsetOf = (contentType: string | undefined): string | undefined => /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();

/** GB18030 is a superset of GBK and GB2312: files declared in either are read as GB18030. */
const encodingOf = (declared: string | undefined): CsvEncoding | undefined => {
  if (!declared) return undefined;
  const name = ['gbk', 'gb2312'].includes(declared) ? 'gb18030' : declared === 'utf8' ? 'utf-8' : declared;
  return requireOneOf('encoding', name, CSV_ENCODINGS);
};

/**
 * The import an upload asks for: the category from the query, the agency and department (the
 * caller's own unless named), the file's name and encoding. The caller's right to import for them
 * is checked here as well as in the domain, before the file is read at all.
 */
export const importRequestOf = (actor: Actor, query: Query, contentType: string | undefined, importId: string): ImportRequest => {
  requireRole(actor, 'staff', 'office', 'admin');
  const category = requireOneOf('category', query['category'], DISCLOSURE_CATEGORIES);
  const agencyCode = requireAgency('agencyCode', query['agencyCode'] ?? actor.agencyCode);
  const departmentCode = requireDepartment('departmentCode', query['departmentCode'] ?? actor.departmentCode);
  requireAgencyScope(actor, agencyCode);
  requireDepartmentScope(actor, departmentCode);
  const fileName = requireText('fileName', query['fileName'] ?? `${category}.csv`, { max: 255 });
  const encoding = encodingOf(typeof query['encoding'] === 'string' ? query['encoding'].toLowerCase() : charsetOf(contentType));
  return { importId, category, agencyCode, departmentCode, fileName, ...(encoding ? { encoding } : {}) };
};
