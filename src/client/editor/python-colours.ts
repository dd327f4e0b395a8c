/**
 * Python's colours for CodeMirror (touch-editor.ts), as GitHub's themes give them and
 * Shiki draws the static code (with the replaced colours of src/fence/highlight-themes.ts),
 * so the code keeps its colours when it opens for editing on a phone.
 */
import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';

const GITHUB = {
  light: { text: '#24292e', keyword: '#d73a49', string: '#032f62', comment: '#6a737d', name: '#6f42c1', constant: '#005cc5' },
  dark: { text: '#e1e4e8', keyword: '#f97583', string: '#9ecbff', comment: '#959da5', name: '#b392f0', constant: '#79b8ff' },
};

const styles = new Map<boolean, HighlightStyle>();

export function pythonColours(dark: boolean): HighlightStyle {
  let style = styles.get(dark);
  if (!style) {
    const c = dark ? GITHUB.dark : GITHUB.light;
    style = HighlightStyle.define([
      {
        tag: [tags.keyword, tags.operatorKeyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operator],
        color: c.keyword,
      },
      { tag: [tags.string, tags.special(tags.string), tags.escape], color: c.string },
      { tag: tags.comment, color: c.comment },
      {
        tag: [
          tags.function(tags.variableName),
          tags.function(tags.definition(tags.variableName)),
          tags.definition(tags.className),
          tags.className,
        ],
        color: c.name,
      },
      { tag: [tags.number, tags.bool, tags.null, tags.atom, tags.self, tags.constant(tags.variableName)], color: c.constant },
      { tag: [tags.variableName, tags.propertyName, tags.punctuation, tags.bracket], color: c.text },
    ]);
    styles.set(dark, style);
  }
  return style;
}
