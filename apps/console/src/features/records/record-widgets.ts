import type { FieldKey } from '@xinfang/domain/records/record-kind';
import type { recordKinds, RecordKindName } from '@xinfang/domain/records/record-kinds';
import type { Component } from 'vue';
import CareFormAnswers from './widgets/care-form-answers.vue';

/**
 * What a field widget is given: the field's value, the whole draft (a live score reads it), the messages about the
 * field and its parts (`answers.sleep`), and whether it only shows the value (the detail) instead of asking for it.
 * It emits `update:modelValue`.
 */
export interface FieldWidgetProps {
  modelValue: unknown;
  draft: Readonly<Record<string, unknown>>;
  messages: Readonly<Record<string, string>>;
  readonly: boolean;
  label: string;
}

/**
 * The slots: a kind's field that the generic form cannot ask for by its type alone gets its own widget here, keyed by
 * the kind's name and the payload key (checked by the compiler). Everything else is generic.
 */
export const fieldWidgets: { readonly [Name in RecordKindName]?: { readonly [Key in FieldKey<(typeof recordKinds)[Name]['schema']>]?: Component } } = {
  careForm: { answers: CareFormAnswers },
};

/** The widget for a kind's field, if it has one. */
export function widgetFor(name: RecordKindName, key: string): Component | undefined {
  return (fieldWidgets[name] as Readonly<Record<string, Component>> | undefined)?.[key];
}
