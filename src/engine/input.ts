import type { AttachmentRef, Language } from '../domain/report';
import type { Control } from './prompt';

/** What a member did, as the engine sees it. Adapters build these from platform events. */
export type EngineInput =
  | { kind: 'start'; language: Language }
  | { kind: 'text'; text: string }
  /** A button, picker or form answer to the question `stepId`. */
  | { kind: 'answer'; stepId: string; value: string | string[] }
  | { kind: 'control'; control: Control; stepId?: string }
  | { kind: 'edit'; stepId: string }
  | { kind: 'submit' }
  | { kind: 'language'; language: Language }
  | { kind: 'attachments'; files: AttachmentRef[] }
  | { kind: 'resume' };
