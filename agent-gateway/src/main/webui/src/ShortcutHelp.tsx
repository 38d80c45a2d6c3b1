import { useEffect, useRef } from 'preact/hooks';

const SHORTCUTS: [string, string][] = [
  ['j', 'Next ticket'],
  ['k', 'Previous ticket'],
  ['Enter or o', 'Open the selected ticket (inbox)'],
  ['r', 'Reply: focus the composer'],
  ['e', 'Resolve the open ticket'],
  ['u', 'Back to the inbox'],
  ['Esc', 'Leave the text field / close this'],
  ['?', 'Show or hide these shortcuts'],
];

/** The keyboard shortcuts, as a modal dialog that a screen reader announces. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div class="dialog-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" class="dialog">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl class="shortcuts">
          {SHORTCUTS.map(([key, what]) => (
            <div key={key}><dt><kbd>{key}</kbd></dt><dd>{what}</dd></div>
          ))}
        </dl>
        <button type="button" ref={close} onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
