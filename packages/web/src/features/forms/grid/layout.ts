/**
 * Layout of a form on screen and on paper: column widths, frozen columns, print orientation.
 * The form model (core formDefinition) has no place for these, so the designer keeps them in the
 * browser (localStorage, per form) — see useFormLayout.
 */
export interface GridLayout {
  /** Width in px by leaf column code; "__name" is the "Chỉ tiêu" column. */
  widths: Record<string, number>;
  /** Data columns frozen on the left, besides STT, Chỉ tiêu and Đơn vị tính. */
  frozen: number;
  orientation: 'portrait' | 'landscape';
}

export const DEFAULT_LAYOUT: GridLayout = { widths: {}, frozen: 0, orientation: 'landscape' };

export const STT_WIDTH = 56;
export const UNIT_WIDTH = 96;
export const NAME_WIDTH = 320;
export const DATA_WIDTH = 130;
export const ROW_HEIGHT = 34;

export function nameWidth(layout: GridLayout): number {
  return layout.widths.__name ?? NAME_WIDTH;
}

export function columnWidth(layout: GridLayout, code: string): number {
  return layout.widths[code] ?? DATA_WIDTH;
}

const storageKey = (formId: string) => `baocao.form-layout.${formId}`;

export function loadLayout(formId: string): GridLayout {
  try {
    const raw = localStorage.getItem(storageKey(formId));
    if (!raw) return DEFAULT_LAYOUT;
    const parsed = JSON.parse(raw) as Partial<GridLayout>;
    return {
      widths: typeof parsed.widths === 'object' && parsed.widths ? parsed.widths : {},
      frozen: typeof parsed.frozen === 'number' ? parsed.frozen : 0,
      orientation: parsed.orientation === 'portrait' ? 'portrait' : 'landscape',
    };
  } catch {
    return DEFAULT_LAYOUT;
  }
}

export function saveLayout(formId: string, layout: GridLayout): void {
  try {
    localStorage.setItem(storageKey(formId), JSON.stringify(layout));
  } catch {
    // Private browsing or a full storage: the layout stays for this session only.
  }
}
