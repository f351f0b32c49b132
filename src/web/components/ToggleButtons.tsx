/**
 * A small group of toggle buttons (aria-pressed) for a choice among two or three values: the
 * language, the basis. Mantine's SegmentedControl measures its moving indicator with a forced
 * layout on every DOM change under it, which cost ~150 ms per load on a phone.
 */
export interface ToggleOption<T extends string> {
  value: T;
  label: string;
  /** The full name when the label is short (VI → Tiếng Việt). */
  title?: string;
}

export function ToggleButtons<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: ToggleOption<T>[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="toggle-buttons">
      <legend className="visually-hidden">{label}</legend>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={o.value === value}
          title={o.title}
          lang={o.title ? (o.value === "vi" ? "vi" : o.value === "en" ? "en" : undefined) : undefined}
          onClick={() => o.value !== value && onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  );
}
