/** A date in law: a calendar day in Asia/Shanghai, written `YYYY-MM-DD`. */
export type LocalDate = string;
