import type { NtVersion } from '../../../machines';

interface VersionPickerProps {
  /** Names the radio group, unique on the page. */
  name: string;
  legend: string;
  versions: readonly NtVersion[];
  value: NtVersion;
  onChange: (version: NtVersion) => void;
}

/** A radio group of NT versions: arrow keys move between them, as in any radio group. */
export function VersionPicker({ name, legend, versions, value, onChange }: VersionPickerProps) {
  return (
    <fieldset class="kb-versions">
      <legend>{legend}</legend>
      {versions.map((v) => (
        <label key={v} class="kb-radio">
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
          NT {v}
        </label>
      ))}
    </fieldset>
  );
}
