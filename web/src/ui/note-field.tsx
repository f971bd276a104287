/** A labelled free-text note beside a form: an officer's note on a decision, a founder's on a correction. */
export function NoteField(props: {
  id: string;
  label: string;
  rows: number;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        rows={props.rows}
        value={props.value}
        onInput={(event: Event) => props.onInput((event.currentTarget as HTMLTextAreaElement).value)}
      />
    </div>
  );
}
