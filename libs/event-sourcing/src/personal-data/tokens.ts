/** Nest injection token of the personal-data vault. A plain symbol: no Nest import here. */
export const PERSONAL_DATA_VAULT = Symbol.for('gongkai.PersonalDataVault');
