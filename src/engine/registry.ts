import type { Language } from '../domain/report';
import type { DialogDef } from './dialog';
import { foldForMatch } from './sanitize';

/**
 * A dialog as a plugin: its steps (the DialogDef), how a member starts it, which service carries out what it
 * produces, and how it ranks against another open dialog. One folder under `dialogs/` exports one; main.ts lists
 * them, and the bot routes by this registry without knowing any dialog by name.
 */
export interface DialogPlugin {
  // The result type is the dialog's and its service's business; the registry only carries it between them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each plugin has its own result type
  dialog: DialogDef<any>;
  /** The name of the service (as main.ts registers it) that handles the dialog's submit and step effects. */
  service: string;
  /** i18n key naming the dialog inside a sentence ("din rapport", "riskinventeringen"). */
  name: string;
  /** How a member starts it. */
  start: {
    /** Whole messages that start it, per language, written as people write them (matched ignoring case/accents). */
    words?: Record<Language, readonly string[]>;
    /** A button in App Home and the menu, with this i18n label (and an optional one-line description). */
    menu?: { label: string; description?: string; order: number };
    /**
     * The dialog a member who writes anything else (or uses the platform's report shortcut) most likely wants. At
     * most one plugin is primary.
     */
    primary?: boolean;
  };
  /**
   * Decides what happens when a member starts this while another dialog is open: a higher priority starts now and
   * the open one waits, answers kept; otherwise the open one continues and the member is told how to get here after.
   * The report has the highest, so it always wins.
   */
  priority: number;
}

/** The plugins by id, with the look-ups the bot routes by. */
export class DialogRegistry {
  private readonly byId = new Map<string, DialogPlugin>();
  private readonly byWord = new Map<string, DialogPlugin>();

  constructor(plugins: DialogPlugin[]) {
    for (const plugin of plugins) {
      const id = plugin.dialog.id;
      if (this.byId.has(id)) throw new Error(`dialogs: "${id}" registered twice`);
      this.byId.set(id, plugin);
      for (const words of Object.values(plugin.start.words ?? {})) {
        for (const word of words) {
          const folded = foldForMatch(word);
          const other = this.byWord.get(folded);
          if (other && other !== plugin) {
            throw new Error(`dialogs: "${word}" starts both "${other.dialog.id}" and "${id}"`);
          }
          this.byWord.set(folded, plugin);
        }
      }
    }
    if (plugins.filter((p) => p.start.primary).length > 1) throw new Error('dialogs: more than one primary dialog');
  }

  get(dialogId: string): DialogPlugin | undefined {
    return this.byId.get(dialogId);
  }

  all(): DialogPlugin[] {
    return [...this.byId.values()];
  }

  /** The dialog a message without a command starts, if any. */
  primary(): DialogPlugin | undefined {
    return this.all().find((p) => p.start.primary);
  }

  /** The dialog whose start word the whole message is, if any. */
  startedBy(text: string): DialogPlugin | undefined {
    return this.byWord.get(foldForMatch(text));
  }

  /** The dialogs offered in App Home and the menu, in their order. */
  menu(): DialogPlugin[] {
    return this.all()
      .filter((p) => p.start.menu)
      .sort((a, b) => (a.start.menu?.order ?? 0) - (b.start.menu?.order ?? 0));
  }
}
