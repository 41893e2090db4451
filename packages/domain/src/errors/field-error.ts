import type { MessageCode } from '../messages/messages.ts';
import { DomainError, type DomainErrorKind } from './domain-error.ts';

/**
 * A rule said no about one input field: the form shows the message beside that field (the API sends it in
 * `fieldErrors` under `field`, as it does for the schemas' own field errors).
 * @example throw new DomainFieldError('workflow.receivedTooEarly', 'receivedAt')
 */
export class DomainFieldError extends DomainError {
  /** The input field, as a dotted path (`receivedAt`, `persons.0.name`). */
  readonly field: string;

  constructor(code: MessageCode, field: string, kind: DomainErrorKind = 'invalid') {
    super(code, kind);
    this.field = field;
  }
}
