import { escapeThenTab, focusOutside, type CodeEditor } from './code-editor.ts';

/**
 * The editor for touch devices (Monaco is not made for phones): a textarea that grows
 * with its code and indents with Tab, with the line numbers beside it that tracebacks
 * count (lines never wrap, so each number stays beside its line).
 */
export function createPlainEditor(host: HTMLElement, code: string, label: string): CodeEditor {
  const frame = document.createElement('div');
  frame.className = 'live-example__plain';
  const gutter = document.createElement('div');
  gutter.className = 'live-example__gutter';
  gutter.setAttribute('aria-hidden', 'true');
  const textarea = document.createElement('textarea');
  textarea.className = 'live-example__textarea';
  textarea.wrap = 'off';
  textarea.value = code;
  textarea.spellcheck = false;
  textarea.autocapitalize = 'off';
  textarea.setAttribute('autocorrect', 'off');
  textarea.setAttribute('aria-label', label);
  const fit = () => {
    textarea.style.height = 'auto';
    textarea.style.height = `${textarea.scrollHeight}px`;
    const count = textarea.value.split('\n').length;
    if (gutter.childElementCount !== count) {
      gutter.replaceChildren(...Array.from({ length: count }, (_, i) => Object.assign(document.createElement('span'), { textContent: String(i + 1) })));
    }
  };
  const leave = escapeThenTab();
  textarea.addEventListener('keydown', (event) => {
    const direction = leave(event);
    if (direction) {
      event.preventDefault();
      focusOutside(host, direction);
    } else if (event.key === 'Tab' && !event.shiftKey) {
      event.preventDefault();
      textarea.setRangeText('    ', textarea.selectionStart, textarea.selectionEnd, 'end');
      textarea.dispatchEvent(new Event('input'));
    }
  });
  textarea.addEventListener('input', fit);
  frame.append(gutter, textarea);
  host.replaceChildren(frame);
  fit();
  const message = document.createElement('p');
  message.className = 'live-example__editor-error';
  return {
    getValue: () => textarea.value,
    setValue(value) {
      textarea.value = value;
      fit();
    },
    focus: () => textarea.focus(),
    focusLine(line) {
      const lines = textarea.value.split('\n');
      const index = Math.min(Math.max(1, line), lines.length) - 1;
      const start = lines.slice(0, index).reduce((sum, text) => sum + text.length + 1, 0);
      const at = start + (lines[index].length - lines[index].trimStart().length);
      textarea.focus();
      textarea.setSelectionRange(at, at);
    },
    markError(line, note) {
      textarea.setAttribute('aria-invalid', 'true');
      message.textContent = `Line ${line}: ${note}`;
      host.append(message);
    },
    clearError() {
      textarea.removeAttribute('aria-invalid');
      message.remove();
    },
    onChange: (listener) => textarea.addEventListener('input', () => listener(textarea.value)),
    // A textarea goes with its page: nothing is held elsewhere.
    dispose() {},
  };
}
