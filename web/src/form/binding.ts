import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** A message shown beside a field: a problem with its value, or what an officer asked to change. */
export interface FieldMessage {
  path: string;
  text: string;
  kind: 'error' | 'request';
}

/** What a field needs from the form around it: its value, a way to change it, and its messages. */
export interface FormBinding {
  get(path: string): unknown;
  set(path: string, value: unknown): void;
  messages(path: string): FieldMessage[];
}

export const FormBindingContext = createContext<FormBinding | null>(null);

export function useBinding(): FormBinding {
  const binding = useContext(FormBindingContext);
  if (!binding) throw new Error('A form field is used outside a form');
  return binding;
}
