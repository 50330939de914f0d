interface VariantPickerProps {
  /** Names the radio group, unique on the page. */
  name: string;
  legend: string;
  variants: readonly string[];
  value: string;
  /** A variant as the reader reads it, e.g. 'NT 3.51'. */
  label: (variant: string) => string;
  onChange: (variant: string) => void;
}

/** A radio group of a model's variants (NT versions): arrow keys move between them, as in any radio group. */
export function VariantPicker({ name, legend, variants, value, label, onChange }: VariantPickerProps) {
  return (
    <fieldset class="kb-versions">
      <legend>{legend}</legend>
      {variants.map((v) => (
        <label key={v} class="kb-radio">
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
          {label(v)}
        </label>
      ))}
    </fieldset>
  );
}
