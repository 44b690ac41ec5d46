import { badInput, requireDepartment, requireList, requireOneOf, requireText, requireUrl } from '@gongkai/kernel';

/** The forms of policy interpretation (政策解读形式); a document may have several. */
export const INTERPRETATION_FORMS = [
  'TEXT', // 文字解读
  'GRAPHIC', // 图解
  'VIDEO', // 视频解读
  'EXPERT_INTERVIEW', // 专家访谈
  'QA', // 问答
] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];

/** Interpretation material (解读材料) as the drafting department writes it. */
export interface InterpretationContent {
  readonly form: InterpretationForm;
  readonly title: string;
  readonly content: string;
  readonly mediaUrl: string;
  /** The people who interpret: officials, or experts by name for an interview. */
  readonly interpreters: readonly string[];
  /** "Who drafts, interprets" (谁起草、谁解读): the department that drafted the document. */
  readonly departmentCode: string;
}

export const MAX_INTERPRETATION_TEXT = 50_000;

/** What each form cannot do without: a graphic or a video is its media, an interview its experts. */
const requireFormComplete = (content: InterpretationContent): void => {
  const needsText = content.form === 'TEXT' || content.form === 'QA';
  const needsMedia = content.form === 'GRAPHIC' || content.form === 'VIDEO';
  if (needsText && !content.content) {
    throw badInput('CONTENT_REQUIRED_FOR_FORM', `An interpretation in the form ${content.form} needs its text in content.`, { field: 'content' });
  }
  if (needsMedia && !content.mediaUrl) {
    throw badInput('MEDIA_REQUIRED_FOR_FORM', `An interpretation in the form ${content.form} needs the address of its media in mediaUrl.`, { field: 'mediaUrl' });
  }
  if (content.form === 'EXPERT_INTERVIEW') {
    if (content.interpreters.length === 0) throw badInput('INTERPRETERS_REQUIRED_FOR_FORM', 'An expert interview names the experts interviewed.', { field: 'interpreters' });
    if (!content.content && !content.mediaUrl) {
      throw badInput('CONTENT_OR_MEDIA_REQUIRED', 'An expert interview needs its transcript in content or its recording in mediaUrl.', { field: 'content' });
    }
  }
};

/** Validates raw input at the edge of the domain; every problem names its field. */
export const validateInterpretationContent = (input: Readonly<Record<string, unknown>>): InterpretationContent => {
  const content: InterpretationContent = {
    form: requireOneOf('form', input['form'], INTERPRETATION_FORMS),
    title: requireText('title', input['title'], { max: 200 }),
    content: requireText('content', input['content'], { max: MAX_INTERPRETATION_TEXT, optional: true }),
    mediaUrl: requireUrl('mediaUrl', input['mediaUrl'], { optional: true }),
    interpreters: requireList('interpreters', input['interpreters'] ?? [], { max: 20 }, (name, i) => requireText(`interpreters[${i}]`, name, { max: 100 })),
    departmentCode: requireDepartment('departmentCode', input['departmentCode']),
  };
  requireFormComplete(content);
  return content;
};
