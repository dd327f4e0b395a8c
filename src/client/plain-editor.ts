import { escapeThenTab, focusOutside, type CodeEditor } from './code-editor.ts';

/**
 * The editor for touch devices (Monaco is not made for phones): a textarea that grows
 * with its code and indents with Tab.
 */
export function createPlainEditor(host: HTMLElement, code: string, label: string): CodeEditor {
  const textarea = document.createElement('textarea');
  textarea.className = 'live-example__textarea';
  textarea.value = code;
  textarea.spellcheck = false;
  textarea.autocapitalize = 'off';
  textarea.setAttribute('autocorrect', 'off');
  textarea.setAttribute('aria-label', label);
  const fit = () => {
    textarea.style.height = 'auto';
    textarea.style.height = `${textarea.scrollHeight}px`;
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
  host.replaceChildren(textarea);
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
    markError(line, text) {
      textarea.setAttribute('aria-invalid', 'true');
      message.textContent = line ? `Line ${line}: ${text}` : text;
      host.append(message);
    },
    clearError() {
      textarea.removeAttribute('aria-invalid');
      message.remove();
    },
    onChange: (listener) => textarea.addEventListener('input', () => listener(textarea.value)),
  };
}
