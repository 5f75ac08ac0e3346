import { useMemo, useRef, useState } from 'react';
import { AutoComplete, Input, type InputRef } from 'antd';
import { FUNCTIONS, matchesSearch, printCode, tryParseFormula } from '@baocao/core';
import type { DesignerProblem } from './problems.ts';

export interface CodeOption {
  code: string;
  name: string;
  kind: 'row' | 'column';
}

const FUNCTION_HELP: Record<string, string> = {
  SUM: 'Tổng, ví dụ SUM(CHILDREN) hoặc SUM(R01, R02)',
  AVG: 'Trung bình cộng',
  MIN: 'Nhỏ nhất',
  MAX: 'Lớn nhất',
  ROUND: 'Làm tròn: ROUND(x, số chữ số)',
  ABS: 'Giá trị tuyệt đối',
  IF: 'IF(điều kiện, khi đúng, khi sai)',
  AND: 'Và',
  OR: 'Hoặc',
  NOT: 'Phủ định',
  DIV: 'Chia (trống khi chia cho 0)',
  PERCENT: 'Tỷ lệ %: PERCENT(tử số, mẫu số)',
  PREV: 'Giá trị kỳ trước',
  SAMEPERIOD_LASTYEAR: 'Giá trị cùng kỳ năm trước',
  YTD: 'Lũy kế từ đầu năm',
};

/** The word being typed at the caret, e.g. "R0" in "SUM(R0" or "[01" in "[01". */
function wordAt(text: string, caret: number): { start: number; word: string } {
  const before = text.slice(0, caret);
  const m = /\[?[\p{L}\p{N}_.]*$/u.exec(before);
  const word = m ? m[0] : '';
  return { start: caret - word.length, word };
}

/**
 * A formula field with autocomplete of row/column codes and function names, and live checking:
 * a syntax error is shown with its position marked in the text; other problems (unknown codes,
 * cycles) come from validateForm through `problems`.
 */
export function FormulaInput({
  id,
  value,
  onChange,
  codes,
  problems = [],
  placeholder,
  disabled,
  'aria-label': ariaLabel,
}: {
  id?: string;
  value: string;
  onChange: (v: string) => void;
  codes: CodeOption[];
  problems?: DesignerProblem[];
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
}) {
  const ref = useRef<InputRef>(null);
  const [caret, setCaret] = useState(value.length);
  const [open, setOpen] = useState(false);
  const parsed = useMemo(() => (value.trim() ? tryParseFormula(value) : null), [value]);

  const options = useMemo(() => {
    const { start, word } = wordAt(value, Math.min(caret, value.length));
    const bare = word.replace(/^\[/u, '');
    if (!word) return [];
    const upper = bare.toUpperCase();
    const replace = (insert: string) => value.slice(0, start) + insert + value.slice(Math.min(caret, value.length));
    const fns = Object.keys(FUNCTIONS)
      .filter((f) => !word.startsWith('[') && f.startsWith(upper))
      .map((f) => ({
        value: replace(`${f}(`),
        label: (
          <span>
            <b>{f}</b> <span className="fx-opt-help">{FUNCTION_HELP[f] ?? ''}</span>
          </span>
        ),
      }));
    const cs = codes
      .filter((c) => c.code.toUpperCase().startsWith(upper) || (bare.length >= 2 && matchesSearch(c.name, bare)))
      .slice(0, 12)
      .map((c) => ({
        value: replace(printCode(c.code)),
        label: (
          <span>
            <b>{c.code}</b>{' '}
            <span className="fx-opt-help">
              {c.kind === 'row' ? 'dòng' : 'cột'}: {c.name}
            </span>
          </span>
        ),
      }));
    const kw = 'CHILDREN'.startsWith(upper) && !word.startsWith('[') ? [{ value: replace('CHILDREN'), label: <b>CHILDREN</b> }] : [];
    return [...fns, ...kw, ...cs].slice(0, 14);
  }, [value, caret, codes]);

  const syntax = parsed && !parsed.ok ? parsed.error : null;
  const errors = problems.filter((p) => p.severity === 'error');
  const status = syntax || errors.length ? 'error' : problems.length ? 'warning' : undefined;

  const trackCaret = () => setCaret(ref.current?.input?.selectionStart ?? value.length);

  return (
    <div className="fx">
      <AutoComplete
        value={value}
        options={options}
        open={open && options.length > 0}
        onChange={(v) => {
          onChange(v);
          setCaret(ref.current?.input?.selectionStart ?? v.length);
        }}
        onSelect={(v) => {
          onChange(v);
          const pos = v.length - (value.length - Math.min(caret, value.length));
          setCaret(pos);
          setTimeout(() => ref.current?.input?.setSelectionRange(pos, pos), 0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        popupMatchSelectWidth={420}
        disabled={disabled}
        style={{ width: '100%' }}
      >
        <Input
          ref={ref}
          id={id}
          aria-label={ariaLabel}
          status={status}
          placeholder={placeholder}
          className="fx-input"
          spellCheck={false}
          onKeyUp={trackCaret}
          onClick={trackCaret}
          aria-invalid={!!status && status === 'error'}
        />
      </AutoComplete>
      {syntax && (
        <div className="fx-msg fx-msg-error" role="alert">
          <code className="fx-code">
            {value.slice(0, syntax.span?.start ?? value.length)}
            <mark>
              {value.slice(syntax.span?.start ?? value.length, Math.max(syntax.span?.end ?? 0, (syntax.span?.start ?? 0) + 1)) || ' '}
            </mark>
            {value.slice(Math.max(syntax.span?.end ?? 0, (syntax.span?.start ?? 0) + 1))}
          </code>
          <div>{syntax.message}</div>
        </div>
      )}
      {!syntax &&
        problems.map((p, i) => (
          <div key={i} className={`fx-msg fx-msg-${p.severity}`} role={p.severity === 'error' ? 'alert' : undefined}>
            {p.message}
          </div>
        ))}
    </div>
  );
}
